import "server-only";
import { authorize } from "@/lib/server/authorize";
import type { Ctx } from "@/lib/server/context";

/** Whether the signed-in user already has a personal calendar feed (so making a new URL would stop the old one). */
export async function getMyFeed(ctx: Ctx): Promise<{ hasFeed: boolean }> {
  authorize(ctx.actor, "teams:read");
  if (ctx.actor.type !== "user") return { hasFeed: false };
  const count = await ctx.db.user.count({ where: { id: ctx.actor.id, icalTokenHash: { not: null } } });
  return { hasFeed: count > 0 };
}
