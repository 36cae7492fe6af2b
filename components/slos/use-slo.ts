"use client";

import { useQuery } from "@tanstack/react-query";
import { getJson, toQuery } from "@/components/api";
import type { BadCases, Breaching, BurnSeries, SloDetail } from "@/components/slos/types";

export const sloKeys = {
  all: ["slos"] as const,
  detail: (id: string) => [...sloKeys.all, id] as const,
  burn: (id: string, days: number) => [...sloKeys.all, id, "burn", days] as const,
  bad: (id: string, from: string, to: string) => [...sloKeys.all, id, "bad", from, to] as const,
  breaching: (id: string) => [...sloKeys.all, id, "breaching"] as const,
};

/** The SLO and its last evaluation (the worker evaluates every minute). */
export function useSlo(id: string, initialData: SloDetail) {
  return useQuery({
    queryKey: sloKeys.detail(id),
    queryFn: ({ signal }) => getJson<SloDetail>(`/api/v1/slos/${id}`, signal),
    initialData,
    refetchInterval: 15_000,
  });
}

export function useBurnSeries(id: string, days: number) {
  return useQuery({
    queryKey: sloKeys.burn(id, days),
    queryFn: ({ signal }) => {
      const to = new Date();
      const from = new Date(to.getTime() - days * 86_400_000);
      return getJson<BurnSeries>(`/api/v1/slos/${id}/burn${toQuery({ from: from.toISOString(), to: to.toISOString() })}`, signal);
    },
    refetchInterval: 60_000,
  });
}

/** The bad cases of one chart point (the hour ending at `to`), once a point is chosen. */
export function useBadCases(id: string, range: { from: string; to: string } | null) {
  return useQuery({
    queryKey: sloKeys.bad(id, range?.from ?? "", range?.to ?? ""),
    queryFn: ({ signal }) => getJson<BadCases>(`/api/v1/slos/${id}/bad-cases${toQuery({ from: range!.from, to: range!.to })}`, signal),
    enabled: range !== null,
  });
}

export function useBreaching(id: string, enabled: boolean) {
  return useQuery({
    queryKey: sloKeys.breaching(id),
    queryFn: ({ signal }) => getJson<Breaching>(`/api/v1/slos/${id}/breaching?withinSec=3600`, signal),
    enabled,
    refetchInterval: 30_000,
  });
}
