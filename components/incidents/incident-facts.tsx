import type { IncidentDetail } from "@/components/incidents/types";
import { escalationText } from "@/components/incidents/labels";
import { Card } from "@/components/ui/card";
import { formatInstant, formatRelative } from "@/lib/format";

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

function When({ at, now }: { at: string | null; now: Date }) {
  if (!at) return <span className="text-slate-500">—</span>;
  return (
    <>
      <time dateTime={at} className="tabular-nums">
        {formatInstant(at)}
      </time>
      <span className="block text-xs text-slate-500">{formatRelative(at, now)}</span>
    </>
  );
}

/** Who has the incident, its team, and its times; for an unresolved one, whether the condition is still there. */
export function IncidentFacts({ incident, now }: { incident: IncidentDetail["incident"]; now: Date }) {
  return (
    <Card className="mb-4">
      <dl className="grid grid-cols-2 gap-x-6 gap-y-4 p-4 md:grid-cols-4 xl:grid-cols-7">
        <Fact label="Assignee">{incident.assignee ? <span className="font-semibold">{incident.assignee.name}</span> : <span className="font-semibold text-amber-800">Unassigned</span>}</Fact>
        <Fact label="Team">{incident.team?.name ?? <span className="text-amber-800">No owning team</span>}</Fact>
        <Fact label="Opened (UTC)">
          <When at={incident.openedAt} now={now} />
        </Fact>
        <Fact label="Acknowledged (UTC)">
          <When at={incident.acknowledgedAt} now={now} />
        </Fact>
        <Fact label="Resolved (UTC)">
          <When at={incident.resolvedAt} now={now} />
        </Fact>
        <Fact label="Escalation">{escalationText(incident.escalationLevel)}</Fact>
        <Fact label="Condition">
          {incident.status === "resolved" ? (
            <span className="text-slate-600">over</span>
          ) : incident.clearSince ? (
            <span className="font-medium text-emerald-800">
              clear since {formatRelative(incident.clearSince, now)}
              <span className="block text-xs font-normal text-slate-500">resolves by itself if it stays clear</span>
            </span>
          ) : (
            <span className="font-medium text-red-800">
              still firing
              <span className="block text-xs font-normal text-slate-500">last seen {formatRelative(incident.lastSeenAt, now)}</span>
            </span>
          )}
        </Fact>
      </dl>
    </Card>
  );
}
