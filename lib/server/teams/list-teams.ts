import "server-only";
import { authorize } from "@/lib/server/authorize";
import type { Ctx } from "@/lib/server/context";
import { onCallForTeam } from "@/lib/server/oncall/on-call-for-team";
import { byRoleThenName, MEMBER_SELECT } from "@/lib/server/teams/team-view";

/** Every team with its members, the processes it owns, whether it has a schedule and who is on call at `now`. */
export async function listTeams(ctx: Ctx, now = new Date()) {
  authorize(ctx.actor, "teams:read");
  const teams = await ctx.db.team.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      memberships: { select: MEMBER_SELECT },
      processes: { orderBy: { key: "asc" }, select: { key: true, name: true, owner: { select: { id: true, name: true } } } },
      schedule: { select: { id: true, name: true } },
    },
  });
  return Promise.all(
    teams.map(async ({ memberships, schedule, ...team }) => {
      const onCall = schedule ? await onCallForTeam(ctx.db, team.id, now) : null;
      return {
        ...team,
        members: [...memberships].sort(byRoleThenName).map((m) => ({ ...m.user, role: m.role })),
        schedule,
        onCall: { primary: onCall?.primary ?? null, secondary: onCall?.secondary ?? null },
      };
    }),
  );
}
