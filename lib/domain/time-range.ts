/**
 * Sums over a time range from per-minute rows and their per-hour rollup: whole hours
 * from the rollup, the ragged ends from the minutes, so a 30-day window reads about
 * 720 hourly rows and at most 118 minute rows, and is exact to the minute.
 */
const MINUTE = 60_000;
const HOUR = 3_600_000;

export function floorHour(t: number): number {
  return Math.floor(t / HOUR) * HOUR;
}

export function ceilHour(t: number): number {
  return Math.ceil(t / HOUR) * HOUR;
}

export function floorMinute(t: number): number {
  return Math.floor(t / MINUTE) * MINUTE;
}

/** The minute ranges [from, to) a range needs from the per-minute rows (the rest comes from hours). */
export function minuteParts(from: number, to: number): [number, number][] {
  const a = ceilHour(from);
  const b = floorHour(to);
  if (a >= b) return [[from, to]];
  return [
    [from, a],
    [b, to],
  ].filter(([x, y]) => x! < y!) as [number, number][];
}

/**
 * How to read [from, to) (minute-aligned): the minute ranges of its ragged ends, and the
 * range of whole hours in between for the hourly rollup (null when there is none).
 */
export function rangeParts(from: number, to: number): { minutes: [number, number][]; hours: [number, number] | null } {
  const a = ceilHour(from);
  const b = floorHour(to);
  return { minutes: minuteParts(from, to), hours: a < b ? [a, b] : null };
}
