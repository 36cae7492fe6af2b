"use client";

import { useQuery } from "@tanstack/react-query";
import { getJson, toQuery } from "@/components/api";
import { processKeys } from "@/components/processes/keys";
import type { Backlog } from "@/components/processes/types";

export const BACKLOG_WINDOWS = {
  "24h": { hours: 24, step: "15m" },
  "7d": { hours: 24 * 7, step: "1h" },
  "28d": { hours: 24 * 28, step: "4h" },
} as const;
export type BacklogWindow = keyof typeof BACKLOG_WINDOWS;

/** Open cases per state over a window ending now, refreshed every 30 s. */
export function useBacklog(key: string, window: BacklogWindow, step?: string) {
  return useQuery({
    queryKey: processKeys.backlog(key, `${window}:${step ?? ""}`),
    queryFn: ({ signal }) => {
      const w = BACKLOG_WINDOWS[window];
      const to = new Date();
      const from = new Date(to.getTime() - w.hours * 3600 * 1000);
      const query = toQuery({ from: from.toISOString(), to: to.toISOString(), step: step ?? w.step });
      return getJson<Backlog>(`/api/v1/processes/${encodeURIComponent(key)}/backlog${query}`, signal);
    },
    refetchInterval: 30_000,
  });
}
