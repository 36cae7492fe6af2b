/**
 * Sums over a time range from per-minute rows and their per-hour rollup: whole hours
 * from the rollup, the ragged ends from the minutes, so a 30-day window reads about
 * 720 hourly rows and at most 118 minute rows, and is exact to the minute.
 */
const MINUTE = 60_000;
const HOUR = 3_600_000;

export type Row<T> = { at: number; value: T };

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

/** Sums `[from, to)` (both minute-aligned) with `add`, from minute rows and hour rows keyed by their start. */
export function sumRange<T>(
  from: number,
  to: number,
  minutes: readonly Row<T>[],
  hours: readonly Row<T>[],
  zero: () => T,
  add: (sum: T, v: T) => void,
): T {
  const sum = zero();
  const parts = minuteParts(from, to);
  for (const r of minutes) if (parts.some(([x, y]) => r.at >= x && r.at < y)) add(sum, r.value);
  const a = ceilHour(from);
  const b = floorHour(to);
  if (a < b) for (const r of hours) if (r.at >= a && r.at < b) add(sum, r.value);
  return sum;
}
