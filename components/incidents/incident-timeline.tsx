import { BulkProgress } from "@/components/incidents/bulk-progress";
import { bulkActionIdOf, TIMELINE_LABEL } from "@/components/incidents/labels";
import type { TimelineEntry } from "@/components/incidents/types";
import { formatInstant, formatRelative } from "@/lib/format";

const KIND_STYLE: Record<string, string> = {
  triggered: "bg-red-600",
  severity: "bg-red-600",
  escalated: "bg-orange-500",
  assigned: "bg-slate-500",
  reassigned: "bg-slate-500",
  notified: "bg-slate-300",
  acknowledged: "bg-sky-600",
  action: "bg-indigo-600",
  resolved: "bg-emerald-600",
  reopened: "bg-red-600",
};

/** What happened, oldest first: triggered, assigned, notified, escalated, acknowledged, actions and their progress, resolved. */
/** `approver`: the viewer's id when they may approve a waiting bulk action (not their own). */
export function IncidentTimeline({ entries, now, approver }: { entries: TimelineEntry[]; now: Date; approver: string | null }) {
  return (
    <ol aria-label="Incident timeline" className="divide-y divide-slate-100">
      {entries.map((e) => {
        const bulkId = e.kind === "action" ? bulkActionIdOf(e) : null;
        return (
          <li key={e.id} className="grid grid-cols-[10.5rem_7.5rem_1fr] gap-3 px-4 py-2 text-sm">
            <span className="whitespace-nowrap tabular-nums text-slate-700">
              <time dateTime={e.at}>{formatInstant(e.at)}</time>
              <span className="block text-xs text-slate-500">{formatRelative(e.at, now)}</span>
            </span>
            <span className="flex items-start gap-1.5 pt-0.5">
              <span aria-hidden="true" className={`mt-1 h-2 w-2 shrink-0 rounded-full ${KIND_STYLE[e.kind] ?? "bg-slate-300"}`} />
              <span className={`text-xs font-semibold uppercase tracking-wide ${e.kind === "action" ? "text-indigo-800" : e.kind === "resolved" ? "text-emerald-800" : "text-slate-600"}`}>
                {TIMELINE_LABEL[e.kind] ?? e.kind}
              </span>
            </span>
            <span className={`min-w-0 ${e.kind === "notified" ? "text-slate-600" : "text-slate-900"}`}>
              {e.message}
              {bulkId ? <BulkProgress id={bulkId} approver={approver} /> : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
