"use client";

import Link from "next/link";
import { useBulkAction, type BulkAction } from "@/components/incidents/use-bulk-action";
import { formatCount } from "@/lib/format";

const STATUS: Record<BulkAction["status"], { label: string; className: string }> = {
  awaiting_approval: { label: "Waiting for a second person's approval", className: "bg-amber-100 text-amber-900" },
  queued: { label: "Queued", className: "bg-slate-100 text-slate-800" },
  running: { label: "Sending commands", className: "bg-sky-100 text-sky-900" },
  done: { label: "Commands sent", className: "bg-emerald-100 text-emerald-900" },
  rejected: { label: "Rejected by the approver", className: "bg-red-100 text-red-900" },
};

/** A runbook action's bulk action, live: its status, and how many commands went out or were skipped. */
export function BulkProgress({ id }: { id: string }) {
  const { data, error } = useBulkAction(id);
  if (!data) return <p className="mt-1 text-xs text-slate-500">{error ? `Progress unavailable: ${error.message}` : "Loading progress…"}</p>;
  const count = (s: BulkAction["items"][number]["status"]) => data.items.filter((i) => i.status === s).length;
  const sent = count("created");
  const skipped = count("skipped");
  const pending = count("pending");
  const firstSkip = data.items.find((i) => i.status === "skipped");
  return (
    <div className="mt-1.5 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs">
      <span className={`rounded-full px-2 py-0.5 font-medium ${STATUS[data.status].className}`}>{STATUS[data.status].label}</span>
      <span role="progressbar" aria-label="Commands sent" aria-valuemin={0} aria-valuemax={data.total} aria-valuenow={sent + skipped} className="block h-1.5 w-28 overflow-hidden rounded-full bg-slate-200">
        <span className="block h-full bg-emerald-500" style={{ width: `${((sent + skipped) / Math.max(1, data.total)) * 100}%` }} />
      </span>
      <span className="text-slate-700">
        {formatCount(sent)} sent · {formatCount(skipped)} skipped · {formatCount(pending)} to go
      </span>
      {data.status === "awaiting_approval" ? (
        <Link href="/cases?stuck=true" className="font-medium text-amber-900 underline underline-offset-2">
          A second on-call engineer or admin approves it on the cases page
        </Link>
      ) : null}
      {firstSkip ? (
        <span className="text-amber-800">
          e.g. {firstSkip.caseId}: {firstSkip.message}
        </span>
      ) : null}
    </div>
  );
}
