/**
 * Who is on call at an instant: rotation layers (level 1 primary, 2 secondary, ...) whose
 * handoffs are local wall-clock times in the schedule's zone, plus overrides on top.
 * All time-zone and DST arithmetic is luxon's; instants are compared as epoch milliseconds.
 */
import { DateTime, IANAZone } from "luxon";

export type RotationUnit = "hours" | "days" | "weeks";
export const ROTATION_UNITS: readonly RotationUnit[] = ["hours", "days", "weeks"];

/** Level 1 is the primary layer, 2 the secondary (more levels allowed). */
export type ScheduleLayer = {
  level: number;
  /** User ids in rotation order; the same user may appear more than once. */
  members: readonly string[];
  /** Positive integer. */
  rotationEvery: number;
  rotationUnit: RotationUnit;
  /** Local wall-clock time of the handoff in the schedule's zone, "HH:mm". */
  handoffTime: string;
  /** Local calendar date "YYYY-MM-DD" of the first shift; the first shift starts at handoffTime that day, members[0] takes it. */
  startDate: string;
};

export type ScheduleOverride = {
  id: string;
  level: number;
  /** Who covers. */
  userId: string;
  /** Whom they cover; null = covers the whole layer whoever is on rotation. */
  replacesUserId: string | null;
  start: Date;
  /** Exclusive. */
  end: Date;
  /** Later-created overrides win where they overlap. */
  createdAt: Date;
};

/** A level's rotation is its first layer with that level; a level without a layer has only overrides. */
export type Schedule = { timeZone: string; layers: readonly ScheduleLayer[]; overrides: readonly ScheduleOverride[] };
export type Shift = { level: number; userId: string; start: Date; end: Date; overrideId: string | null };

const HANDOFF_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

type LocalDay = { year: number; month: number; day: number };
type LocalTime = { hour: number; minute: number };

/** IANA zone known to Intl/luxon (Intl accepts any letter case, e.g. "europe/berlin"). */
export function isValidTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

export function isValidHandoffTime(s: string): boolean {
  return HANDOFF_TIME.test(s);
}

function parseHandoff(s: string): LocalTime | null {
  const m = HANDOFF_TIME.exec(s);
  return m ? { hour: Number(m[1]), minute: Number(m[2]) } : null;
}

function parseLocalDate(s: string): LocalDay | null {
  const m = LOCAL_DATE.exec(s);
  if (!m) return null;
  const day = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const back = addDays(day, 0); // 2026-02-30 comes back as 2026-03-02
  return back.month === day.month && back.day === day.day ? day : null;
}

/**
 * The instant a local wall-clock time happens. In a spring-forward gap luxon moves the time
 * forward by the gap (02:30 → 03:30). A fall-back time that happens twice is its first
 * occurrence: luxon alone picks by the offset at the current clock, which is not pure.
 */
function localInstant(day: LocalDay, time: LocalTime, zone: IANAZone): number {
  const key = `${zone.name} ${day.year}-${day.month}-${day.day} ${time.hour}:${time.minute}`;
  const hit = instantCache.get(key);
  if (hit !== undefined) return hit;
  const candidates = DateTime.fromObject({ ...day, ...time }, { zone }).getPossibleOffsets();
  const instant = Math.min(...candidates.map((c) => c.toMillis()));
  if (instantCache.size >= INSTANT_CACHE_SIZE) instantCache.clear();
  instantCache.set(key, instant);
  return instant;
}

// luxon asks Intl for every offset (tens of microseconds per wall-clock time); a time line
// or a page of schedules asks for the same few handoffs over and over. The answer never changes.
const INSTANT_CACHE_SIZE = 10_000;
const instantCache = new Map<string, number>();

/** Midnight UTC of a calendar date: plain calendar arithmetic, no zone involved (setUTCFullYear has no two-digit-year quirk). */
function utcMidnight(day: LocalDay, plusDays = 0): Date {
  const d = new Date(0);
  d.setUTCFullYear(day.year, day.month - 1, day.day + plusDays);
  return d;
}

function addDays(day: LocalDay, n: number): LocalDay {
  const d = utcMidnight(day, n);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Shift k of a layer starts at startOf(k) (non-decreasing in k); guess(t) is within a step or two of the shift at t. */
type Rotation = { members: readonly string[]; startOf: (k: number) => number; guess: (t: number) => number };

function rotationOf(layer: ScheduleLayer, timeZone: string): Rotation | null {
  const { members, rotationEvery: every, rotationUnit: unit } = layer;
  if (members.length === 0 || !Number.isSafeInteger(every) || every < 1 || !ROTATION_UNITS.includes(unit)) return null;
  const time = parseHandoff(layer.handoffTime);
  const first = parseLocalDate(layer.startDate);
  const zone = IANAZone.create(timeZone);
  if (!time || !first || !zone.isValid) return null;

  if (unit === "hours") {
    const t0 = localInstant(first, time, zone);
    const step = every * HOUR_MS;
    return { members, startOf: (k) => t0 + k * step, guess: (t) => Math.floor((t - t0) / step) };
  }
  // Calendar days are counted on the date alone, then the handoff is placed on that local
  // date, so a shift moved by a DST gap does not drag the following handoffs with it.
  const stepDays = every * (unit === "weeks" ? 7 : 1);
  const firstMidnight = utcMidnight(first).getTime();
  return {
    members,
    startOf: (k) => localInstant(addDays(first, k * stepDays), time, zone),
    guess: (t) => Math.floor((t - firstMidnight) / (stepDays * DAY_MS)),
  };
}

/** The largest k with startOf(k) <= t, or -1 before the first shift: a guess, then a step or two. */
function shiftIndexAt(rotation: Rotation, t: number): number {
  let k = Math.max(0, rotation.guess(t));
  while (k > 0 && rotation.startOf(k) > t) k--;
  while (rotation.startOf(k + 1) <= t) k++;
  return rotation.startOf(k) <= t ? k : -1;
}

function shiftOf(rotation: Rotation, level: number, k: number): Shift {
  const userId = rotation.members[k % rotation.members.length]!;
  return { level, userId, start: new Date(rotation.startOf(k)), end: new Date(rotation.startOf(k + 1)), overrideId: null };
}

const isInstant = (d: Date) => Number.isFinite(d.getTime());

/** The rotation shift of a layer containing `at` (ignoring overrides), or null before the layer starts / with no members / with an invalid layer or zone. */
export function rotationShiftAt(layer: ScheduleLayer, timeZone: string, at: Date): Shift | null {
  const rotation = rotationOf(layer, timeZone);
  if (!rotation || !isInstant(at)) return null;
  const k = shiftIndexAt(rotation, at.getTime());
  return k < 0 ? null : shiftOf(rotation, layer.level, k);
}

/** The non-empty rotation shifts of a layer overlapping [from, to), unclipped. */
function rotationShiftsIn(layer: ScheduleLayer, zone: string, from: number, to: number): Shift[] {
  const rotation = rotationOf(layer, zone);
  if (!rotation) return [];
  const shifts: Shift[] = [];
  for (let k = Math.max(0, shiftIndexAt(rotation, from)); rotation.startOf(k) < to; k++) {
    const shift = shiftOf(rotation, layer.level, k);
    // A zero-length shift happens only where a whole local day is skipped (Pacific/Apia, 2011-12-30).
    if (shift.end.getTime() > shift.start.getTime() && shift.end.getTime() > from) shifts.push(shift);
  }
  return shifts;
}

function overridesOn(schedule: Schedule, level: number): ScheduleOverride[] {
  return schedule.overrides.filter(
    (o) => o.level === level && isInstant(o.start) && isInstant(o.end) && o.start.getTime() < o.end.getTime(),
  );
}

/** The override in force at t over a rotation user (null: nobody on rotation): the latest created, ties to the larger id. */
function winningOverride(overrides: readonly ScheduleOverride[], t: number, rotationUserId: string | null): ScheduleOverride | null {
  let best: ScheduleOverride | null = null;
  for (const o of overrides) {
    if (o.start.getTime() > t || t >= o.end.getTime()) continue;
    if (o.replacesUserId !== null && o.replacesUserId !== rotationUserId) continue;
    const newer =
      best === null ||
      o.createdAt.getTime() > best.createdAt.getTime() ||
      (o.createdAt.getTime() === best.createdAt.getTime() && o.id > best.id);
    if (newer) best = o;
  }
  return best;
}

/**
 * A level's on-call pieces in [from, to): between consecutive cuts (rotation handoffs, override
 * starts and ends) the rotation user and the applicable overrides are constant, so the
 * assignment is evaluated once per cut and equal neighbours are merged.
 */
function levelPieces(schedule: Schedule, level: number, from: number, to: number): Shift[] {
  if (!(from < to)) return [];
  const layer = schedule.layers.find((l) => l.level === level);
  const shifts = layer ? rotationShiftsIn(layer, schedule.timeZone, from, to) : [];
  const overrides = overridesOn(schedule, level).filter((o) => o.start.getTime() < to && o.end.getTime() > from);
  const edges = [
    ...shifts.flatMap((s) => [s.start.getTime(), s.end.getTime()]),
    ...overrides.flatMap((o) => [o.start.getTime(), o.end.getTime()]),
  ];
  const cuts = [...new Set([from, to, ...edges.filter((t) => from < t && t < to)])].sort((a, b) => a - b);

  const pieces: Shift[] = [];
  let s = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [start, end] = [cuts[i]!, cuts[i + 1]!];
    while (s < shifts.length && shifts[s]!.end.getTime() <= start) s++;
    const shift = shifts[s] && shifts[s]!.start.getTime() <= start ? shifts[s]! : null;
    const override = winningOverride(overrides, start, shift?.userId ?? null);
    const who = override ? { userId: override.userId, overrideId: override.id } : shift && { userId: shift.userId, overrideId: null };
    if (!who) continue;
    const last = pieces.at(-1);
    if (last && last.end.getTime() === start && last.userId === who.userId && last.overrideId === who.overrideId) {
      last.end = new Date(end);
    } else {
      pieces.push({ level, ...who, start: new Date(start), end: new Date(end) });
    }
  }
  return pieces;
}

/**
 * Who is on call at `at` on `level`, overrides applied; null if nobody. The bounds are the
 * piece containing `at`: an override's stretch within its own start and end, or the part of
 * the rotation shift that no override cuts away (onCallTimeline merges a user's back-to-back shifts).
 */
export function onCallAt(schedule: Schedule, level: number, at: Date): Shift | null {
  if (!isInstant(at)) return null;
  const t = at.getTime();
  const layer = schedule.layers.find((l) => l.level === level);
  const shift = layer ? rotationShiftAt(layer, schedule.timeZone, at) : null;
  const override = winningOverride(overridesOn(schedule, level), t, shift?.userId ?? null);
  const window = override ?? shift;
  if (!window) return null;
  const pieces = levelPieces(schedule, level, window.start.getTime(), window.end.getTime());
  return pieces.find((p) => p.start.getTime() <= t && t < p.end.getTime()) ?? null;
}

/** The contiguous on-call pieces of every level between from and to (clipped to [from,to)), overrides applied, adjacent pieces of the same user and same override merged; sorted by level then start. */
export function onCallTimeline(schedule: Schedule, from: Date, to: Date): Shift[] {
  if (!isInstant(from) || !isInstant(to)) return [];
  const levels = [...new Set([...schedule.layers.map((l) => l.level), ...schedule.overrides.map((o) => o.level)])];
  return levels
    .sort((a, b) => a - b)
    .flatMap((level) => levelPieces(schedule, level, from.getTime(), to.getTime()));
}

/** Intervals within [from,to) in which `level` (default 1) has nobody on call. */
export function coverageGaps(schedule: Schedule, from: Date, to: Date, level = 1): { start: Date; end: Date }[] {
  if (!isInstant(from) || !isInstant(to) || !(from.getTime() < to.getTime())) return [];
  const gaps: { start: Date; end: Date }[] = [];
  let covered = from.getTime();
  for (const piece of levelPieces(schedule, level, from.getTime(), to.getTime())) {
    if (piece.start.getTime() > covered) gaps.push({ start: new Date(covered), end: piece.start });
    covered = piece.end.getTime();
  }
  if (covered < to.getTime()) gaps.push({ start: new Date(covered), end: new Date(to) });
  return gaps;
}
