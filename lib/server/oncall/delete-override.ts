import "server-only";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { authorize } from "@/lib/server/authorize";
import type { Ctx } from "@/lib/server/context";

/** Removes an override of a schedule; the rotation applies again over its time. */
export async function deleteOverride(ctx: Ctx, input: { scheduleId: string; overrideId: string }) {
  authorize(ctx.actor, "schedules:manage");
  return ctx.db.$transaction(async (tx) => {
    const override = await tx.scheduleOverride.findFirst({
      where: { id: input.overrideId, scheduleId: input.scheduleId },
      select: { id: true, scheduleId: true, level: true, userId: true, replacesUserId: true, startsAt: true, endsAt: true, reason: true },
    });
    if (!override) throw new AppError("not_found", `No override ${input.overrideId} on schedule ${input.scheduleId}.`);
    // The scope is in the write too, so a concurrent change cannot widen it.
    const { count } = await tx.scheduleOverride.deleteMany({ where: { id: override.id, scheduleId: input.scheduleId } });
    if (count !== 1) throw new AppError("not_found", `No override ${input.overrideId} on schedule ${input.scheduleId}.`);
    await writeAudit(tx, ctx.actor, {
      action: "schedule.override_delete",
      targetType: "schedule",
      targetId: override.scheduleId,
      before: { ...override, startsAt: override.startsAt.toISOString(), endsAt: override.endsAt.toISOString() },
    });
    return { id: override.id };
  });
}
