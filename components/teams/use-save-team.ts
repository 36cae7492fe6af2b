"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { scheduleKeys } from "@/components/oncall/keys";
import { teamKeys } from "@/components/teams/keys";
import { sendJson } from "@/components/teams/send-json";
import type { TeamDetail } from "@/components/teams/types";
import type { TTeam, TTeamInput } from "@/lib/validation/team";

/** The team as the save schema takes it. */
export function toTeamInput(team: TeamDetail): TTeamInput {
  return {
    name: team.name,
    members: team.members.map((m) => ({ userId: m.id, role: m.role })),
    webhookUrl: team.webhook.url ?? "",
    webhookSecret: "",
  };
}

/**
 * Saves one part of the team (members, or webhook): the rest is taken from the team as
 * last read, so one form never sends another form's stale values back.
 */
export function useSaveTeam(team: TeamDetail, onError: (error: unknown) => void) {
  const queryClient = useQueryClient();
  const router = useRouter();
  return useMutation({
    mutationFn: (patch: Partial<TTeam>) => {
      const current = queryClient.getQueryData<TeamDetail>(teamKeys.detail(team.id)) ?? team;
      return sendJson<TeamDetail>("PUT", `/api/v1/teams/${team.id}`, { ...toTeamInput(current), ...patch });
    },
    onSuccess: async (saved) => {
      queryClient.setQueryData(teamKeys.detail(team.id), (old: TeamDetail | undefined) => (old ? { ...old, ...saved } : old));
      await Promise.all([queryClient.invalidateQueries({ queryKey: teamKeys.all }), queryClient.invalidateQueries({ queryKey: scheduleKeys.all })]);
      router.refresh();
    },
    onError,
  });
}
