"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getJson } from "@/components/api";
import { postJson } from "@/components/api-post";
import { inboxKeys } from "@/components/inbox/keys";
import type { Inbox } from "@/components/inbox/types";

/** The signed-in person's notifications and unread count, refreshed every 10 s (the header badge). */
export function useInbox() {
  return useQuery({
    queryKey: inboxKeys.list(),
    queryFn: ({ signal }) => getJson<Inbox>("/api/v1/inbox", signal),
    refetchInterval: 10_000,
  });
}

/** Marks the given notifications read, or all of them; the badge drops at once. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { ids: string[] } | { all: true }) => postJson<{ marked: number }>("/api/v1/inbox/read", input),
    onMutate: async (input) => {
      await queryClient.cancelQueries({ queryKey: inboxKeys.list() });
      const before = queryClient.getQueryData<Inbox>(inboxKeys.list());
      if (before) {
        const hit = (id: string) => "all" in input || input.ids.includes(id);
        const items = before.items.map((i) => (hit(i.id) ? { ...i, read: true } : i));
        const newlyRead = before.items.filter((i) => !i.read && hit(i.id)).length;
        queryClient.setQueryData<Inbox>(inboxKeys.list(), { items, unread: "all" in input ? 0 : Math.max(0, before.unread - newlyRead) });
      }
      return { before };
    },
    onError: (_error, _input, context) => {
      if (context?.before) queryClient.setQueryData(inboxKeys.list(), context.before);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: inboxKeys.list() }),
  });
}
