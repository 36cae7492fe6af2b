import type { IncidentDetail } from "@/components/incidents/types";
import { formatInstant, formatRelative } from "@/lib/format";

/** The next few steps matter at 3 a.m.; the policy's repeats are summed up in one line. */
const SHOWN_STEPS = 3;

/** Who gets notified when if nobody acknowledges; or why nobody will be. */
export function EscalationAhead({ detail, now, canRespond }: { detail: IncidentDetail; now: Date; canRespond: boolean }) {
  const { incident, escalationAhead: ahead } = detail;
  if (incident.status === "resolved") return <p className="px-4 py-3 text-sm text-slate-600">Resolved: escalation is over.</p>;
  if (incident.status === "acknowledged") {
    return (
      <p className="px-4 py-3 text-sm text-slate-700">
        Escalation stopped: acknowledged{incident.acknowledgedAt ? ` ${formatRelative(incident.acknowledgedAt, now)}` : ""}.{canRespond ? " “Escalate now” still brings in the next person." : ""}
      </p>
    );
  }
  if (ahead.length === 0) {
    return <p className="px-4 py-3 text-sm font-medium text-amber-800">Every step of the escalation policy has fired; nobody else will be notified automatically. Reassign it to someone who can act.</p>;
  }
  const shown = ahead.slice(0, SHOWN_STEPS);
  const last = ahead[ahead.length - 1]!;
  return (
    <ol aria-label="Escalation ahead" className="divide-y divide-slate-100 text-sm">
      {shown.map((step, i) => {
        const overdue = Date.parse(step.at) <= now.getTime();
        return (
          <li key={step.level} className="flex items-baseline justify-between gap-3 px-4 py-2">
            <span>
              {i === 0 ? "Next: " : "Then: "}notify <strong>{step.target}</strong>
              <span className={`block text-xs ${step.people.length === 0 ? "text-red-700" : "text-slate-600"}`}>
                {step.people.length === 0 ? "nobody: fix the schedule or the policy" : step.people.join(", ")}
              </span>
            </span>
            <span className={`whitespace-nowrap text-right tabular-nums ${i === 0 ? "font-semibold text-amber-800" : "text-slate-600"}`}>
              {overdue ? "due now" : formatRelative(step.at, now)}
              <span className="block text-xs font-normal text-slate-500">{formatInstant(step.at).slice(11, 16)} UTC</span>
            </span>
          </li>
        );
      })}
      {ahead.length > shown.length ? (
        <li className="px-4 py-2 text-slate-600">
          Then {ahead.length - shown.length} more {ahead.length - shown.length === 1 ? "step" : "steps"} of the policy, the last {formatRelative(last.at, now)} ({formatInstant(last.at).slice(11, 16)} UTC).
        </li>
      ) : null}
    </ol>
  );
}
