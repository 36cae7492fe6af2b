import "server-only";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { authorize } from "@/lib/server/authorize";
import type { Ctx } from "@/lib/server/context";
import { newFeedToken, scheduleFeedPath, userFeedPath } from "@/lib/server/oncall/feed-token";

/**
 * A new secret calendar-feed token for a schedule, returned once; the previous
 * subscription URL stops working. Managers hand the URL out, so rotating it is theirs.
 */
export async function rotateScheduleFeedToken(ctx: Ctx, input: { scheduleId: string }) {
  authorize(ctx.actor, "schedules:manage");
  const { token, hash } = newFeedToken();
  return ctx.db.$transaction(async (tx) => {
    const { count } = await tx.schedule.updateMany({ where: { id: input.scheduleId }, data: { icalTokenHash: hash } });
    if (count !== 1) throw new AppError("not_found", `No schedule with id ${input.scheduleId}.`);
    await writeAudit(tx, ctx.actor, { action: "schedule.feed_rotate", targetType: "schedule", targetId: input.scheduleId });
    return { token, path: scheduleFeedPath(token) };
  });
}

/** A new secret token for the signed-in user's own on-call feed (their shifts across all schedules), returned once. */
export async function rotateUserFeedToken(ctx: Ctx) {
  authorize(ctx.actor, "teams:read");
  const actor = ctx.actor;
  if (actor.type !== "user") throw new AppError("forbidden", "Only a signed-in user has a personal calendar feed.");
  const { token, hash } = newFeedToken();
  return ctx.db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { icalTokenHash: hash }, select: { id: true } });
    await writeAudit(tx, actor, { action: "user.feed_rotate", targetType: "user", targetId: actor.id });
    return { token, path: userFeedPath(token) };
  });
}
