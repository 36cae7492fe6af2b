import "server-only";
import { authorize } from "@/lib/server/authorize";
import type { Ctx } from "@/lib/server/context";

/** Teams and their members, for choosing a process's owning team and owner. */
export async function listTeamChoices(ctx: Ctx) {
  authorize(ctx.actor, "teams:read");
  const teams = await ctx.db.team.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, memberships: { select: { user: { select: { id: true, name: true } } } } },
  });
  return teams.map((t) => ({
    id: t.id,
    name: t.name,
    members: t.memberships.map((m) => m.user).sort((a, b) => a.name.localeCompare(b.name)),
  }));
}
