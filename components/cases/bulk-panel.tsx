"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { getJson } from "@/components/api";
import { postJson } from "@/components/api-post";
import { ACTION_COPY } from "@/components/cases/action-copy";
import { caseKeys } from "@/components/cases/keys";
import { useBulkActions, type BulkActionRow } from "@/components/cases/use-bulk";
import { Card } from "@/components/ui/card";
import { formatCount, formatInstant } from "@/lib/format";

const STATUS_LABEL: Record<BulkActionRow["status"], string> = {
  awaiting_approval: "Waiting for a second person",
  queued: "Queued",
  running: "Running",
  done: "Done",
  rejected: "Rejected",
};

type BulkResults = { items: { caseId: string; status: "pending" | "created" | "skipped"; message: string | null }[] };

/** What happened to each case of a bulk action; skipped ones first, with the reason. */
function BulkResultsList({ id }: { id: string }) {
  const { data } = useQuery({
    queryKey: [...caseKeys.all, "bulk", id],
    queryFn: ({ signal }) => getJson<BulkResults>(`/api/v1/bulk-actions/${id}`, signal),
    refetchInterval: 3_000,
  });
  if (!data) return <p className="text-xs text-slate-500">Loading results…</p>;
  const items = [...data.items].sort((a, b) => (a.status === b.status ? 0 : a.status === "skipped" ? -1 : 1));
  return (
    <ul className="mt-1 max-h-48 w-full overflow-y-auto rounded border border-slate-200 text-xs">
      {items.map((item) => (
        <li key={item.caseId} className="flex gap-2 px-2 py-1">
          <Link href={`/cases/${encodeURIComponent(item.caseId)}`} className="font-mono hover:underline">
            {item.caseId}
          </Link>
          <span className={item.status === "skipped" ? "text-amber-800" : "text-slate-600"}>
            {item.status === "created" ? "command sent" : item.status === "pending" ? "to go" : `skipped: ${item.message}`}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Bulk actions in progress and done: progress per action, per-case results, approvals. */
export function BulkPanel({ viewerId, canApprove }: { viewerId: string; canApprove: boolean }) {
  const { data } = useBulkActions();
  const [expanded, setExpanded] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const decide = useMutation({
    mutationFn: ({ id, approve }: { id: string; approve: boolean }) => postJson(`/api/v1/bulk-actions/${id}/decision`, { approve }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.all }),
  });
  if (!data || data.length === 0) return null;
  return (
    <Card title="Bulk actions" className="mb-4">
      <ul className="divide-y divide-slate-100 text-sm">
        {data.map((b) => {
          const done = b.created + b.skipped;
          return (
            <li key={b.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2">
              <span className="font-medium">
                {ACTION_COPY[b.type as keyof typeof ACTION_COPY]?.label ?? b.type} · {formatCount(b.total)} cases
              </span>
              <span className="text-slate-600">
                {b.requestedBy}, {formatInstant(b.requestedAt)} UTC: {b.reason}
              </span>
              <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium">{STATUS_LABEL[b.status]}</span>
              <span className="flex items-center gap-2">
                <span role="progressbar" aria-label="Progress" aria-valuemin={0} aria-valuemax={b.total} aria-valuenow={done} className="block h-1.5 w-32 overflow-hidden rounded-full bg-slate-200">
                  <span className="block h-full bg-emerald-500" style={{ width: `${(done / Math.max(1, b.total)) * 100}%` }} />
                </span>
                <span className="text-xs text-slate-600">
                  {formatCount(b.created)} sent · {formatCount(b.skipped)} skipped · {formatCount(b.pending)} to go
                </span>
              </span>
              {b.status === "awaiting_approval" && canApprove && b.requestedById !== viewerId ? (
                <span className="flex gap-2">
                  <button type="button" onClick={() => decide.mutate({ id: b.id, approve: true })} className="rounded-md bg-emerald-700 px-2.5 py-1 text-xs font-medium text-white hover:bg-emerald-600">
                    Approve
                  </button>
                  <button type="button" onClick={() => decide.mutate({ id: b.id, approve: false })} className="rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium hover:bg-slate-50">
                    Reject
                  </button>
                </span>
              ) : null}
              {b.decidedBy ? <span className="text-xs text-slate-500">decided by {b.decidedBy}</span> : null}
              <button type="button" aria-expanded={expanded === b.id} onClick={() => setExpanded(expanded === b.id ? null : b.id)} className="text-xs font-medium text-slate-700 underline underline-offset-2">
                {expanded === b.id ? "Hide results" : "Results per case"}
              </button>
              {expanded === b.id ? <BulkResultsList id={b.id} /> : null}
            </li>
          );
        })}
      </ul>
      {decide.error ? (
        <p role="alert" className="px-4 pb-3 text-sm text-red-800">
          {decide.error.message}
        </p>
      ) : null}
    </Card>
  );
}
