import "server-only";
import type { Schedule } from "@/lib/domain/oncall";
import type { Db } from "@/lib/db";
import type { Tx } from "@/lib/server/context";

type Reader = Db | Tx;

const SCHEDULE_INCLUDE = {
  layers: { orderBy: { level: "asc" as const } },
  overrides: true,
} as const;

type Row = {
  id: string;
  teamId: string;
  name: string;
  timeZone: string;
  layers: { level: number; members: unknown; rotationEvery: number; rotationUnit: "hours" | "days" | "weeks"; handoffTime: string; startDate: string }[];
  overrides: { id: string; level: number; userId: string; replacesUserId: string | null; startsAt: Date; endsAt: Date; createdAt: Date }[];
};

export type LoadedSchedule = { id: string; teamId: string; name: string; schedule: Schedule };

/** The stored members column is a JSON array of user ids; anything else reads as no members. */
function memberIds(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

export function toDomainSchedule(row: Row): LoadedSchedule {
  return {
    id: row.id,
    teamId: row.teamId,
    name: row.name,
    schedule: {
      timeZone: row.timeZone,
      layers: row.layers.map((l) => ({
        level: l.level,
        members: memberIds(l.members),
        rotationEvery: l.rotationEvery,
        rotationUnit: l.rotationUnit,
        handoffTime: l.handoffTime,
        startDate: l.startDate,
      })),
      overrides: row.overrides.map((o) => ({
        id: o.id,
        level: o.level,
        userId: o.userId,
        replacesUserId: o.replacesUserId,
        start: o.startsAt,
        end: o.endsAt,
        createdAt: o.createdAt,
      })),
    },
  };
}

/** One schedule with its layers and overrides, as lib/domain/oncall.ts reads it; null if unknown. */
export async function loadSchedule(db: Reader, scheduleId: string): Promise<LoadedSchedule | null> {
  const row = await db.schedule.findUnique({ where: { id: scheduleId }, include: SCHEDULE_INCLUDE });
  return row ? toDomainSchedule(row) : null;
}

/** A team's schedule (a team has at most one), or null when it has none. */
export async function loadTeamSchedule(db: Reader, teamId: string): Promise<LoadedSchedule | null> {
  const row = await db.schedule.findUnique({ where: { teamId }, include: SCHEDULE_INCLUDE });
  return row ? toDomainSchedule(row) : null;
}
