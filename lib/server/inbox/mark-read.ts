import "server-only";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/server/authorize";
import type { Ctx } from "@/lib/server/context";
import type { TMarkRead } from "@/lib/validation/inbox";

/** Marks the person's own notifications read; the user id in the where clause is the scope check. */
export async function markRead(ctx: Ctx, input: TMarkRead, now = new Date()) {
  authorize(ctx.actor, "inbox:read");
  if (ctx.actor.type !== "user") throw new AppError("forbidden", "An inbox belongs to a person.");
  const { count } = await ctx.db.notification.updateMany({
    where: { userId: ctx.actor.id, readAt: null, ...(input.ids ? { id: { in: input.ids } } : {}) },
    data: { readAt: now },
  });
  return { marked: count };
}
