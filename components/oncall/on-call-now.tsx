import type { OnCallNow as OnCall } from "@/components/teams/types";
import { formatInstant } from "@/lib/format";

type Person = NonNullable<OnCall["primary"]>;

function Who({ label, person }: { label: string; person: Person | null }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm">
        {person ? (
          <>
            <span className="font-medium text-slate-900">{person.name}</span>
            <span className="block text-xs text-slate-600">
              until <time dateTime={person.until}>{formatInstant(person.until)} UTC</time>
            </span>
          </>
        ) : (
          <span className="text-amber-800">Nobody</span>
        )}
      </dd>
    </div>
  );
}

/** Who is on call now: primary and secondary, with when their stretch ends. */
export function OnCallNow({ onCall, hasSchedule }: { onCall: OnCall; hasSchedule: boolean }) {
  if (!hasSchedule) return <p className="text-sm text-amber-800">No on-call schedule yet.</p>;
  return (
    <dl className="grid grid-cols-2 gap-3">
      <Who label="Primary" person={onCall.primary} />
      <Who label="Secondary" person={onCall.secondary} />
    </dl>
  );
}

/** The compact form for tables: "Ana Lopez · Ben Ode". */
export function OnCallInline({ onCall, hasSchedule }: { onCall: OnCall; hasSchedule: boolean }) {
  if (!hasSchedule) return <span className="text-slate-500">—</span>;
  return (
    <span>
      <span className="font-medium">{onCall.primary?.name ?? <span className="text-amber-800">nobody</span>}</span>
      <span className="text-slate-500"> (primary)</span>
      {onCall.secondary ? (
        <span className="block text-xs text-slate-600">{onCall.secondary.name} (secondary)</span>
      ) : null}
    </span>
  );
}
