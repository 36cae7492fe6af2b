import "server-only";
import { can, type Action } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/server/context";

/** For the UI: whether the actor may edit this process's SLOs or thresholds (same rule as authorizeOwner). */
export async function mayEditProcess(ctx: Ctx, processKey: string, action: Action = "slos:edit"): Promise<boolean> {
  const actor = ctx.actor;
  if (actor.type === "system") return true;
  if (actor.type !== "user" || !can(actor.role, action)) return false;
  if (actor.role === "admin") return true;
  const process = await ctx.db.process.findUnique({ where: { key: processKey }, select: { teamId: true } });
  if (!process?.teamId) return false;
  const member = await ctx.db.membership.findUnique({ where: { teamId_userId: { teamId: process.teamId, userId: actor.id } } });
  return member !== null;
}
