import Link from "next/link";
import type { OwnershipReview } from "@/components/teams/types";
import { Card } from "@/components/ui/card";
import { CheckIcon } from "@/components/ui/icons";
import { formatInstant } from "@/lib/format";

const LEVEL = (level: number) => (level === 1 ? "primary" : level === 2 ? "secondary" : `level ${level}`);

function Section({ title, count, children }: { title: string; count: number; children: React.ReactNode }) {
  return (
    <section aria-label={title} className="px-4 py-3">
      <h3 className="text-sm font-semibold text-slate-800">
        {title} <span className={`ml-1 rounded-full px-2 py-0.5 text-xs ${count ? "bg-amber-100 text-amber-900" : "bg-emerald-100 text-emerald-900"}`}>{count}</span>
      </h3>
      {count === 0 ? (
        <p className="mt-1 flex items-center gap-1 text-sm text-emerald-800">
          <CheckIcon /> None
        </p>
      ) : (
        <ul className="mt-1 space-y-1 text-sm">{children}</ul>
      )}
    </section>
  );
}

/** For managers: what still lacks an owner or someone on call in the next 14 days. */
export function OwnershipReviewCard({ review }: { review: OwnershipReview }) {
  const { processesWithoutTeam, processesWithoutOwner, teamsWithoutSchedule, schedulesWithGaps } = review;
  return (
    <Card title="Ownership review">
      <div className="grid divide-y divide-slate-100 md:grid-cols-2 md:divide-x md:divide-y-0 xl:grid-cols-4">
        <Section title="Processes without a team" count={processesWithoutTeam.length}>
          {processesWithoutTeam.map((p) => (
            <li key={p.key}>
              <Link href={`/processes/${p.key}`} className="font-medium hover:underline">
                {p.name}
              </Link>
            </li>
          ))}
        </Section>
        <Section title="Processes without a process owner" count={processesWithoutOwner.length}>
          {processesWithoutOwner.map((p) => (
            <li key={p.key}>
              <Link href={`/processes/${p.key}`} className="font-medium hover:underline">
                {p.name}
              </Link>{" "}
              <span className="text-xs text-slate-600">· {p.team.name}</span>
            </li>
          ))}
        </Section>
        <Section title="Teams without a schedule" count={teamsWithoutSchedule.length}>
          {teamsWithoutSchedule.map((t) => (
            <li key={t.id}>
              <Link href={`/teams/${t.id}`} className="font-medium hover:underline">
                {t.name}
              </Link>
            </li>
          ))}
        </Section>
        <Section title="Schedules with gaps (next 14 days)" count={schedulesWithGaps.length}>
          {schedulesWithGaps.map((s) => (
            <li key={s.scheduleId}>
              <Link href={`/teams/${s.team.id}`} className="font-medium hover:underline">
                {s.team.name} · {s.name}
              </Link>
              <ul className="text-xs text-slate-700">
                {s.gaps.slice(0, 3).map((g) => (
                  <li key={`${g.level}-${g.start}`}>
                    no {LEVEL(g.level)} from {formatInstant(g.start)} to {formatInstant(g.end)} UTC
                  </li>
                ))}
                {s.gaps.length > 3 ? <li>and {s.gaps.length - 3} more</li> : null}
              </ul>
            </li>
          ))}
        </Section>
      </div>
    </Card>
  );
}
