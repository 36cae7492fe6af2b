import "server-only";
import { coverageGaps } from "@/lib/domain/oncall";
import { authorize } from "@/lib/server/authorize";
import type { Ctx } from "@/lib/server/context";
import { toDomainSchedule } from "@/lib/server/oncall/load-schedule";
import { SCHEDULE_ROW_SELECT, TIMELINE_DAYS } from "@/lib/server/oncall/schedule-row";

const DAY_MS = 86_400_000;

/**
 * What a manager must fix so every process has an owner and someone on call: processes
 * without an owning team or process owner, teams without a schedule, and schedules whose
 * layers leave nobody on call at some point of the next 14 days.
 */
export async function ownershipReview(ctx: Ctx, now = new Date()) {
  authorize(ctx.actor, "teams:manage");
  const to = new Date(now.getTime() + TIMELINE_DAYS * DAY_MS);
  const [processes, teams, schedules] = await Promise.all([
    ctx.db.process.findMany({
      where: { OR: [{ teamId: null }, { ownerId: null }] },
      orderBy: { key: "asc" },
      select: { key: true, name: true, team: { select: { id: true, name: true } }, ownerId: true },
    }),
    ctx.db.team.findMany({ where: { schedule: { is: null } }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    ctx.db.schedule.findMany({
      orderBy: [{ team: { name: "asc" } }, { name: "asc" }],
      select: { ...SCHEDULE_ROW_SELECT(now), team: { select: { name: true } } },
    }),
  ]);
  const schedulesWithGaps = schedules.flatMap((row) => {
    const { schedule } = toDomainSchedule(row);
    const levels = [...new Set([1, ...schedule.layers.map((l) => l.level)])].sort((a, b) => a - b);
    const gaps = levels.flatMap((level) => coverageGaps(schedule, now, to, level).map((g) => ({ level, ...g })));
    return gaps.length ? [{ scheduleId: row.id, name: row.name, team: { id: row.teamId, name: row.team.name }, gaps }] : [];
  });
  return {
    from: now,
    to,
    processesWithoutTeam: processes.filter((p) => p.team === null).map(({ key, name }) => ({ key, name })),
    processesWithoutOwner: processes.filter((p) => p.team !== null && p.ownerId === null).map(({ key, name, team }) => ({ key, name, team: team! })),
    teamsWithoutSchedule: teams,
    schedulesWithGaps,
  };
}
