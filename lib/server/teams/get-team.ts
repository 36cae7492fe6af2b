import "server-only";
import { authorize } from "@/lib/server/authorize";
import type { Ctx } from "@/lib/server/context";
import { onCallForTeam } from "@/lib/server/oncall/on-call-for-team";
import { readTeam } from "@/lib/server/teams/team-view";

/** One team: members and roles, owned processes, its schedule, who is on call now, its webhook (URL for managers only). */
export async function getTeam(ctx: Ctx, input: { id: string }, now = new Date()) {
  authorize(ctx.actor, "teams:read");
  const team = await readTeam(ctx.db, ctx.actor, input.id);
  const onCall = await onCallForTeam(ctx.db, team.id, now);
  return { ...team, onCall: { primary: onCall.primary, secondary: onCall.secondary } };
}
