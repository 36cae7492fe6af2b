import "server-only";
import { coverageGaps, onCallTimeline } from "@/lib/domain/oncall";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/server/authorize";
import type { Ctx } from "@/lib/server/context";
import { toDomainSchedule } from "@/lib/server/oncall/load-schedule";
import { SCHEDULE_ROW_SELECT, TIMELINE_DAYS } from "@/lib/server/oncall/schedule-row";
import { nameOf, userNames } from "@/lib/server/oncall/user-names";

const DAY_MS = 86_400_000;

/**
 * Who is on call on each level over [now, now + 14 days), overrides applied, with
 * names, and the stretches where a level has nobody (the gaps a manager must close).
 */
export async function getScheduleTimeline(ctx: Ctx, input: { id: string }, now = new Date()) {
  authorize(ctx.actor, "teams:read");
  const row = await ctx.db.schedule.findUnique({ where: { id: input.id }, select: SCHEDULE_ROW_SELECT(now) });
  if (!row) throw new AppError("not_found", `No schedule with id ${input.id}.`);
  const { schedule } = toDomainSchedule(row);
  const to = new Date(now.getTime() + TIMELINE_DAYS * DAY_MS);
  const shifts = onCallTimeline(schedule, now, to);
  // Level 1 always shows (an empty primary is the gap that matters most).
  const levels = [...new Set([1, ...schedule.layers.map((l) => l.level), ...shifts.map((s) => s.level)])].sort((a, b) => a - b);
  const names = await userNames(ctx.db, shifts.map((s) => s.userId));
  return {
    scheduleId: row.id,
    timeZone: schedule.timeZone,
    now,
    from: now,
    to,
    levels,
    shifts: shifts.map((s) => ({ ...s, userName: nameOf(names, s.userId) })),
    gaps: levels.flatMap((level) => coverageGaps(schedule, now, to, level).map((g) => ({ level, ...g }))),
  };
}
