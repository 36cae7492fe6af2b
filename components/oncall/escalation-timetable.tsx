import { describeTarget, escalationTimeline, policyProblems, type EscalationPolicy } from "@/lib/domain/escalation";

/** "+0", "+5 min", "+1 h 30 min": minutes after the incident was triggered. */
function offset(minutes: number): string {
  if (minutes === 0) return "+0";
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `+${h ? `${h} h` : ""}${h && m ? " " : ""}${m ? `${m} min` : ""}`;
}

/** When each step fires if nobody acknowledges, computed by the same domain function the worker uses. */
export function EscalationTimetable({ policy, userName }: { policy: EscalationPolicy; userName: (id: string) => string }) {
  if (policyProblems(policy).length > 0) return <p className="text-xs text-slate-600">Fix the steps above to see when each one fires.</p>;
  const timeline = escalationTimeline(policy, new Date(0));
  return (
    <ol aria-label="Escalation timetable" className="space-y-0.5 text-sm">
      {timeline.map((step) => (
        <li key={step.level} className="flex gap-2">
          <span className="w-28 shrink-0 whitespace-nowrap text-right font-mono text-xs leading-5 text-slate-600">at {offset(step.at.getTime() / 60_000)}</span>
          <span>
            notify {describeTarget(step.target, userName)}
            {step.pass > 0 ? <span className="text-xs text-slate-500"> (repeat {step.pass})</span> : null}
          </span>
        </li>
      ))}
      <li className="pl-30 text-xs text-slate-500">Acknowledging stops it at any point.</li>
    </ol>
  );
}
