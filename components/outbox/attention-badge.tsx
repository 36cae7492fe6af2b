"use client";

import { useAttentionCount } from "@/components/outbox/use-outbox";

/** The header's count of commands needing attention (dead-lettered, or unanswered for minutes). */
export function OutboxAttentionBadge() {
  const { data } = useAttentionCount();
  if (!data || data.attention === 0) return null;
  const label = `${data.attention} command${data.attention === 1 ? "" : "s"} need${data.attention === 1 ? "s" : ""} attention${data.dead > 0 ? `, ${data.dead} dead-lettered` : ""}`;
  return (
    <span title={label} className={`ml-1.5 inline-grid min-w-5 place-items-center rounded-full px-1.5 text-xs font-bold leading-5 ${data.dead > 0 ? "bg-red-600 text-white" : "bg-amber-500 text-slate-950"}`}>
      <span aria-hidden="true">{data.attention}</span>
      <span className="sr-only">{label}</span>
    </span>
  );
}
