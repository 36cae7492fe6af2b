import "server-only";

/** The timeline and the review look 14 days ahead (PRODUCT.md, issue 6). */
export const TIMELINE_DAYS = 14;

/**
 * The columns lib/server/oncall/load-schedule.ts's toDomainSchedule reads, and no more
 * (the feed token hash stays in the database); overrides that ended before `now` are
 * left out, as they can no longer change who is on call.
 */
export const SCHEDULE_ROW_SELECT = (now: Date) =>
  ({
    id: true,
    teamId: true,
    name: true,
    timeZone: true,
    layers: {
      orderBy: { level: "asc" },
      select: { level: true, members: true, rotationEvery: true, rotationUnit: true, handoffTime: true, startDate: true },
    },
    overrides: {
      where: { endsAt: { gt: now } },
      select: { id: true, level: true, userId: true, replacesUserId: true, startsAt: true, endsAt: true, createdAt: true },
    },
  }) as const;
