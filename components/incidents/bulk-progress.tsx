"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { postJson } from "@/components/api-post";
import { caseKeys } from "@/components/cases/keys";
import { useBulkAction, type BulkAction } from "@/components/incidents/use-bulk-action";
import { formatCount } from "@/lib/format";

const STATUS: Record<BulkAction["status"], { label: string; className: string }> = {
  awaiting_approval: { label: "Waiting for a second person's approval", className: "bg-amber-100 text-amber-900" },
  queued: { label: "Queued", className: "bg-slate-100 text-slate-800" },
  running: { label: "Sending commands", className: "bg-sky-100 text-sky-900" },
  done: { label: "Commands sent", className: "bg-emerald-100 text-emerald-900" },
  rejected: { label: "Rejected by the approver", className: "bg-red-100 text-red-900" },
};

/** Approve or reject a bulk action waiting for a second person (the two-person rule). */
function Decision({ id }: { id: string }) {
  const queryClient = useQueryClient();
  const decide = useMutation({
    mutationFn: (approve: boolean) => postJson(`/api/v1/bulk-actions/${encodeURIComponent(id)}/decision`, { approve }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: caseKeys.all }),
  });
  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" disabled={decide.isPending} onClick={() => decide.mutate(true)} className="rounded-md bg-emerald-700 px-2.5 py-1 font-medium text-white hover:bg-emerald-600 disabled:opacity-50">
        Approve
      </button>
      <button type="button" disabled={decide.isPending} onClick={() => decide.mutate(false)} className="rounded-md border border-slate-300 px-2.5 py-1 font-medium hover:bg-slate-50 disabled:opacity-50">
        Reject
      </button>
      {decide.error ? <span role="alert" className="text-red-700">{decide.error.message}</span> : null}
    </span>
  );
}

/** A runbook action's bulk action, live: its status, how many commands went out or were skipped, and its approval. */
export function BulkProgress({ id, approver }: { id: string; approver: string | null }) {
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
      {sent > 0 ? (
        <span className="text-slate-700">
          engine: {formatCount(data.outcomes.succeeded)} succeeded
          {data.outcomes.failed > 0 ? <span className="text-red-700"> · {formatCount(data.outcomes.failed)} failed</span> : null}
          {data.outcomes.rejected > 0 ? <span className="text-red-700"> · {formatCount(data.outcomes.rejected)} rejected</span> : null}
          {data.outcomes.awaiting > 0 ? ` · ${formatCount(data.outcomes.awaiting)} awaiting an answer` : null}
        </span>
      ) : null}
      {data.status === "awaiting_approval" ? (
        approver && approver !== data.requestedById ? (
          <Decision id={id} />
        ) : (
          <span className="font-medium text-amber-900">A second on-call engineer or admin approves it here or on the stuck cases page</span>
        )
      ) : null}
      {firstSkip ? (
        <span className="text-amber-800">
          e.g. {firstSkip.caseId}: {firstSkip.message}
        </span>
      ) : null}
    </div>
  );
}
