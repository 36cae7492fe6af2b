"use client";

import { useQuery } from "@tanstack/react-query";
import { getJson } from "@/components/api";
import { caseKeys } from "@/components/cases/keys";
import type { Serialized } from "@/lib/serialized";
import type { listBulkActions } from "@/lib/server/bulk/list-bulk-actions";

export type BulkActionRow = Serialized<Awaited<ReturnType<typeof listBulkActions>>[number]>;

/** Recent bulk actions and their progress, refreshed every 2 s while any is unfinished. */
export function useBulkActions() {
  return useQuery({
    queryKey: [...caseKeys.all, "bulk"],
    queryFn: ({ signal }) => getJson<{ bulkActions: BulkActionRow[] }>("/api/v1/bulk-actions", signal).then((r) => r.bulkActions),
    refetchInterval: (query) => ((query.state.data ?? []).some((b) => b.status === "queued" || b.status === "running" || b.status === "awaiting_approval") ? 2_000 : 10_000),
  });
}
