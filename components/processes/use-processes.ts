"use client";

import { useQuery } from "@tanstack/react-query";
import { getJson } from "@/components/api";
import { processKeys } from "@/components/processes/keys";
import type { ProcessSummary } from "@/components/processes/types";

/** Every process with its live counts, refreshed every 5 s while the page is open. */
export function useProcesses() {
  return useQuery({
    queryKey: processKeys.list(),
    queryFn: ({ signal }) => getJson<{ processes: ProcessSummary[] }>("/api/v1/processes", signal).then((r) => r.processes),
    refetchInterval: 5_000,
    refetchIntervalInBackground: false,
  });
}
