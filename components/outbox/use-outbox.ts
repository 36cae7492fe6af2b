"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getJson, toQuery } from "@/components/api";
import { postJson } from "@/components/api-post";
import { caseKeys } from "@/components/cases/keys";
import { outboxKeys } from "@/components/outbox/keys";
import type { OutboxView } from "@/lib/domain/outbox";
import type { Outbox } from "@/lib/server/commands/list-outbox";

/** The page's JSON: dates are strings on the wire. */
export type OutboxPage = Omit<Outbox, "commands"> & {
  commands: (Omit<Outbox["commands"][number], "requestedAt" | "deliveredAt" | "acknowledgedAt" | "deadAt"> & {
    requestedAt: string;
    deliveredAt: string | null;
    acknowledgedAt: string | null;
    deadAt: string | null;
  })[];
};
export type OutboxCommand = OutboxPage["commands"][number];

/** One view of the outbox, page by page ("Load more"), refreshed every 5 s. */
export function useOutbox(view: OutboxView, process: string) {
  return useInfiniteQuery({
    queryKey: outboxKeys.list(view, process),
    queryFn: ({ pageParam, signal }) => getJson<OutboxPage>(`/api/v1/outbox${toQuery({ view, process, cursor: pageParam })}`, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 5_000,
  });
}

/** How many commands need attention, for the header. */
export function useAttentionCount() {
  return useQuery({
    queryKey: outboxKeys.attention(),
    queryFn: ({ signal }) => getJson<OutboxPage>("/api/v1/outbox?view=attention&limit=1", signal).then((p) => p.counts),
    refetchInterval: 15_000,
  });
}

/** Takes a command out of the dead letter: delivery starts again (POST /api/v1/commands/{id}/retry). */
export function useRetryDelivery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => postJson(`/api/v1/commands/${encodeURIComponent(id)}/retry`, {}),
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: outboxKeys.all }), queryClient.invalidateQueries({ queryKey: caseKeys.all })]),
  });
}
