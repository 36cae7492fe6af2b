"use client";

import { useQuery } from "@tanstack/react-query";
import { getJson } from "@/components/api";
import { scheduleKeys } from "@/components/oncall/keys";
import type { PolicyView, ScheduleDetail, ScheduleTimeline } from "@/components/oncall/types";
import { teamKeys } from "@/components/teams/keys";

export function useSchedule(id: string, initialData: ScheduleDetail) {
  return useQuery({
    queryKey: scheduleKeys.detail(id),
    queryFn: ({ signal }) => getJson<ScheduleDetail>(`/api/v1/schedules/${id}`, signal),
    initialData,
  });
}

/** The 14-day timeline, refreshed every five minutes so its window follows the clock. */
export function useTimeline(id: string, initialData: ScheduleTimeline) {
  return useQuery({
    queryKey: scheduleKeys.timeline(id),
    queryFn: ({ signal }) => getJson<ScheduleTimeline>(`/api/v1/schedules/${id}/timeline`, signal),
    initialData,
    refetchInterval: 300_000,
  });
}

export function usePolicies(teamId: string, initialData: PolicyView[]) {
  return useQuery({
    queryKey: teamKeys.policies(teamId),
    queryFn: ({ signal }) => getJson<{ policies: PolicyView[] }>(`/api/v1/teams/${teamId}/escalation-policies`, signal).then((r) => r.policies),
    initialData,
  });
}
