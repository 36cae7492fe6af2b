"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { getJson } from "@/components/api";
import { caseKeys } from "@/components/cases/keys";
import type { CaseFacets, CaseRow } from "@/components/cases/types";

type Page = { cases: CaseRow[]; nextCursor: string | null };

/** A case list for an API query string, page by page, refreshed every 5 s. */
export function useCaseList(query: string) {
  return useInfiniteQuery({
    queryKey: caseKeys.list(query),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      getJson<Page>(`/api/v1/cases?${query}&limit=50${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ""}`, signal),
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: 5_000,
  });
}

/** The number of matching cases and the counts beside each filter option. */
export function useCaseFacets(query: string) {
  return useQuery({
    queryKey: caseKeys.facets(query),
    queryFn: ({ signal }) => getJson<CaseFacets>(`/api/v1/case-facets?${query}`, signal),
    refetchInterval: 10_000,
  });
}
