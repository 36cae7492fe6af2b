"use client";

import { useQuery } from "@tanstack/react-query";
import { getJson } from "@/components/api";
import { teamKeys } from "@/components/teams/keys";
import type { TeamDetail, TeamSummary } from "@/components/teams/types";

/** Every team, refreshed each minute so "on call now" follows handoffs while the page is open. */
export function useTeams(initialData: TeamSummary[]) {
  return useQuery({
    queryKey: teamKeys.list(),
    queryFn: ({ signal }) => getJson<{ teams: TeamSummary[] }>("/api/v1/teams", signal).then((r) => r.teams),
    initialData,
    refetchInterval: 60_000,
  });
}

export function useTeam(id: string, initialData: TeamDetail) {
  return useQuery({
    queryKey: teamKeys.detail(id),
    queryFn: ({ signal }) => getJson<TeamDetail>(`/api/v1/teams/${id}`, signal),
    initialData,
    refetchInterval: 60_000,
  });
}
