import "server-only";
import { AppError, type Issue } from "@/lib/errors";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { authorize } from "@/lib/server/authorize";
import { actorLabel, type Ctx } from "@/lib/server/context";
import { requireTeamMembers } from "@/lib/server/oncall/team-members";
import type { TOverride } from "@/lib/validation/schedule";

/** "Ana covers Ben from … to …" on one level of a schedule; both must be members of the schedule's team. */
export async function saveOverride(ctx: Ctx, input: TOverride & { scheduleId: string }) {
  authorize(ctx.actor, "schedules:manage");
  const createdById = ctx.actor.type === "user" ? ctx.actor.id : actorLabel(ctx.actor);
  return ctx.db.$transaction(async (tx) => {
    const schedule = await tx.schedule.findUnique({ where: { id: input.scheduleId }, select: { id: true, teamId: true } });
    if (!schedule) throw new AppError("not_found", `No schedule with id ${input.scheduleId}.`);
    const refs: { userId: string; path: Issue["path"] }[] = [{ userId: input.userId, path: ["userId"] }];
    if (input.replacesUserId) refs.push({ userId: input.replacesUserId, path: ["replacesUserId"] });
    await requireTeamMembers(tx, schedule.teamId, refs);
    const data = {
      level: input.level,
      userId: input.userId,
      replacesUserId: input.replacesUserId,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      reason: input.reason || null,
    };
    const created = await tx.scheduleOverride.create({
      data: { scheduleId: schedule.id, createdById, ...data },
      select: { id: true, level: true, userId: true, replacesUserId: true, startsAt: true, endsAt: true, reason: true, createdAt: true },
    });
    await writeAudit(tx, ctx.actor, {
      action: "schedule.override_create",
      targetType: "schedule",
      targetId: schedule.id,
      reason: data.reason,
      after: { overrideId: created.id, ...data, startsAt: data.startsAt.toISOString(), endsAt: data.endsAt.toISOString() },
    });
    return created;
  });
}
