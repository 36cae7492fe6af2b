"use client";

import { useQuery } from "@tanstack/react-query";
import { getJson } from "@/components/api";
import { caseKeys } from "@/components/cases/keys";
import type { CaseDetail } from "@/components/cases/types";

/** One case with its timeline, refreshed every 5 s. */
export function useCase(id: string, initialData: CaseDetail) {
  return useQuery({
    queryKey: caseKeys.detail(id),
    queryFn: ({ signal }) => getJson<CaseDetail>(`/api/v1/cases/${encodeURIComponent(id)}`, signal),
    initialData,
    initialDataUpdatedAt: Date.parse(initialData.asOf),
    refetchInterval: 5_000,
  });
}
