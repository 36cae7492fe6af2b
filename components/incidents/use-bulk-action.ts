"use client";

import { useQueries, useQuery } from "@tanstack/react-query";
import { getJson } from "@/components/api";
import { caseKeys } from "@/components/cases/keys";
import { bulkActionIdOf } from "@/components/incidents/labels";
import type { TimelineEntry } from "@/components/incidents/types";
import type { Serialized } from "@/lib/serialized";
import type { getBulkAction } from "@/lib/server/bulk/list-bulk-actions";

export type BulkAction = Serialized<NonNullable<Awaited<ReturnType<typeof getBulkAction>>>>;

/** Nothing more will change: rejected, or every command sent and answered by its engine. */
const finished = (b: BulkAction | undefined) => b?.status === "rejected" || (b?.status === "done" && b.outcomes.awaiting === 0);

function bulkActionQuery(id: string) {
  return {
    // The cases screen's key for the same request, so both share one cache entry.
    queryKey: [...caseKeys.all, "bulk", id],
    queryFn: ({ signal }: { signal: AbortSignal }) => getJson<BulkAction>(`/api/v1/bulk-actions/${encodeURIComponent(id)}`, signal),
    refetchInterval: (query: { state: { data: BulkAction | undefined } }) => (finished(query.state.data) ? false : 3_000),
  };
}

/** One bulk action with its per-case results, refreshed every 3 s until it is done or rejected. */
export function useBulkAction(id: string) {
  return useQuery(bulkActionQuery(id));
}

/** The bulk actions already taken from this incident (its timeline's action entries). */
export function useIncidentBulkActions(timeline: TimelineEntry[]): BulkAction[] {
  const ids = timeline.flatMap((e) => {
    const id = e.kind === "action" ? bulkActionIdOf(e) : null;
    return id ? [id] : [];
  });
  return useQueries({ queries: ids.map(bulkActionQuery) }).flatMap((r) => (r.data ? [r.data] : []));
}
