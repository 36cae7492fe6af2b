import "server-only";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/server/authorize";
import type { Ctx } from "@/lib/server/context";
import { nameOf, userNames } from "@/lib/server/oncall/user-names";

const ids = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);

/** A schedule as its editor shows it: layers with member names, overrides not yet over, whether a calendar feed exists. */
export async function getSchedule(ctx: Ctx, input: { id: string }, now = new Date()) {
  authorize(ctx.actor, "teams:read");
  const row = await ctx.db.schedule.findUnique({
    where: { id: input.id },
    select: {
      id: true,
      name: true,
      timeZone: true,
      updatedAt: true,
      team: { select: { id: true, name: true } },
      layers: { orderBy: { level: "asc" }, select: { level: true, members: true, rotationEvery: true, rotationUnit: true, handoffTime: true, startDate: true } },
      overrides: {
        where: { endsAt: { gt: now } },
        orderBy: { startsAt: "asc" },
        select: { id: true, level: true, userId: true, replacesUserId: true, startsAt: true, endsAt: true, reason: true, createdAt: true },
      },
    },
  });
  if (!row) throw new AppError("not_found", `No schedule with id ${input.id}.`);
  const feeds = await ctx.db.schedule.count({ where: { id: row.id, icalTokenHash: { not: null } } });
  const names = await userNames(ctx.db, [
    ...row.layers.flatMap((l) => ids(l.members)),
    ...row.overrides.flatMap((o) => (o.replacesUserId ? [o.userId, o.replacesUserId] : [o.userId])),
  ]);
  const person = (id: string) => ({ id, name: nameOf(names, id) });
  return {
    id: row.id,
    name: row.name,
    timeZone: row.timeZone,
    updatedAt: row.updatedAt,
    team: row.team,
    hasCalendarFeed: feeds > 0,
    layers: row.layers.map((l) => ({ ...l, members: ids(l.members).map(person) })),
    overrides: row.overrides.map(({ userId, replacesUserId, ...o }) => ({ ...o, user: person(userId), replaces: replacesUserId ? person(replacesUserId) : null })),
  };
}
