"use client";

import { useUnresolvedCount } from "@/components/incidents/use-incidents";

/** The header's count of unresolved incidents: red while any is unacknowledged, grey once all are. */
export function UnresolvedIncidentsBadge() {
  const { data } = useUnresolvedCount();
  if (!data || data.total === 0) return null;
  const label = `${data.total}${data.capped ? "+" : ""} unresolved${data.open > 0 ? `, ${data.open} not acknowledged` : ""}`;
  return (
    <span title={label} className={`ml-1.5 inline-grid min-w-5 place-items-center rounded-full px-1.5 text-xs font-bold leading-5 ${data.open > 0 ? "bg-red-600 text-white" : "bg-slate-600 text-slate-100"}`}>
      <span aria-hidden="true">
        {data.total}
        {data.capped ? "+" : ""}
      </span>
      <span className="sr-only">{label}</span>
    </span>
  );
}
