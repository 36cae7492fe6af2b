import "server-only";
import type { CalendarEvent } from "@/lib/domain/ical";
import { toICalendar } from "@/lib/domain/ical";
import { onCallAt, onCallTimeline, type Schedule, type Shift } from "@/lib/domain/oncall";
import { AppError } from "@/lib/errors";
import type { Ctx } from "@/lib/server/context";
import { feedTokenHash } from "@/lib/server/oncall/feed-token";
import { toDomainSchedule } from "@/lib/server/oncall/load-schedule";
import { SCHEDULE_ROW_SELECT } from "@/lib/server/oncall/schedule-row";
import { nameOf, userNames } from "@/lib/server/oncall/user-names";

const FEED_DAYS = 60;
const DAY_MS = 86_400_000;

export const levelName = (level: number) => (level === 1 ? "Primary" : level === 2 ? "Secondary" : `Level ${level}`);

/**
 * Shifts from the start of the ones running at `now` to 60 days ahead. Starting at the
 * running shift's own start (not at `now`) keeps each event's start, and so its UID,
 * the same on every fetch, so calendar apps update events instead of duplicating them.
 */
function feedShifts(schedule: Schedule, now: Date): Shift[] {
  const levels = [...new Set([...schedule.layers.map((l) => l.level), ...schedule.overrides.map((o) => o.level)])];
  const running = levels.flatMap((level) => onCallAt(schedule, level, now)?.start.getTime() ?? []);
  const from = new Date(Math.min(now.getTime(), ...running));
  return onCallTimeline(schedule, from, new Date(now.getTime() + FEED_DAYS * DAY_MS));
}

const uid = (scheduleId: string, s: Shift) => `${scheduleId}-${s.level}-${s.start.getTime()}-${s.userId}@flowdeck`;

const notFound = () => new AppError("not_found", "No calendar feed with this token; it may have been replaced by a new one.");

/** The subscription feed of one schedule, all levels: "Primary on call: Ana Lopez". */
async function scheduleFeed(ctx: Ctx, tokenHash: string, now: Date): Promise<string> {
  const row = await ctx.db.schedule.findUnique({
    where: { icalTokenHash: tokenHash },
    select: { ...SCHEDULE_ROW_SELECT(now), team: { select: { name: true } } },
  });
  if (!row) throw notFound();
  const { schedule } = toDomainSchedule(row);
  const shifts = feedShifts(schedule, now);
  const names = await userNames(ctx.db, shifts.map((s) => s.userId));
  const events: CalendarEvent[] = shifts.map((s) => ({
    uid: uid(row.id, s),
    start: s.start,
    end: s.end,
    summary: `${levelName(s.level)} on call: ${nameOf(names, s.userId)}`,
    description: `${row.team.name} · ${row.name}${s.overrideId ? " (override)" : ""}`,
  }));
  const calendarName = row.name.includes(row.team.name) ? row.name : `${row.team.name} · ${row.name}`;
  return toICalendar(calendarName, events, now);
}

/** The subscription feed of one user: their own shifts across every schedule. */
async function userFeed(ctx: Ctx, tokenHash: string, now: Date): Promise<string> {
  const user = await ctx.db.user.findUnique({ where: { icalTokenHash: tokenHash }, select: { id: true, name: true, disabledAt: true } });
  if (!user || user.disabledAt) throw notFound();
  const rows = await ctx.db.schedule.findMany({ select: { ...SCHEDULE_ROW_SELECT(now), team: { select: { name: true } } }, orderBy: { name: "asc" } });
  const events: CalendarEvent[] = rows.flatMap((row) => {
    const { schedule } = toDomainSchedule(row);
    return feedShifts(schedule, now)
      .filter((s) => s.userId === user.id)
      .map((s) => ({
        uid: uid(row.id, s),
        start: s.start,
        end: s.end,
        summary: `${levelName(s.level)} on call for ${row.team.name}`,
        description: `${row.name}${s.overrideId ? " (override)" : ""}`,
      }));
  });
  events.sort((a, b) => a.start.getTime() - b.start.getTime());
  return toICalendar(`${user.name} on call`, events, now);
}

/**
 * An iCalendar (RFC 5545) feed by its secret token. The token is the credential, so no
 * role is checked; only its SHA-256 is looked up. An unknown token is not_found.
 */
export async function icalFeed(ctx: Ctx, input: { kind: "schedule" | "user"; token: string }, now = new Date()): Promise<string> {
  if (input.token.length < 16 || input.token.length > 200) throw notFound();
  const hash = feedTokenHash(input.token);
  return input.kind === "schedule" ? scheduleFeed(ctx, hash, now) : userFeed(ctx, hash, now);
}
