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

/** Numeric rows keyed by their start, with prefix sums, so the sum of any [from, to) is two look-ups. */
export class RangeIndex {
  private readonly ats: number[];
  private readonly prefix: Float64Array[];

  constructor(
    rows: readonly Row<readonly number[]>[],
    readonly width: number,
  ) {
    const sorted = [...rows].sort((a, b) => a.at - b.at);
    this.ats = sorted.map((r) => r.at);
    this.prefix = [new Float64Array(width)];
    for (const r of sorted) {
      const next = Float64Array.from(this.prefix.at(-1)!);
      for (let i = 0; i < width; i++) next[i]! += r.value[i] ?? 0;
      this.prefix.push(next);
    }
  }

  /** Index of the first row starting at or after `t`. */
  private lowerBound(t: number): number {
    let lo = 0;
    let hi = this.ats.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ats[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The sums of the rows starting in [from, to), added into `into`. */
  addRange(from: number, to: number, into: number[]): void {
    if (to <= from) return;
    const a = this.prefix[this.lowerBound(from)]!;
    const b = this.prefix[this.lowerBound(to)]!;
    for (let i = 0; i < this.width; i++) into[i]! += b[i]! - a[i]!;
  }
}

/** Sums `[from, to)` (both minute-aligned): whole hours from `hours`, the ragged ends from `minutes`. */
export function sumRange(from: number, to: number, minutes: RangeIndex, hours: RangeIndex): number[] {
  const sum = new Array<number>(minutes.width).fill(0);
  for (const [a, b] of minuteParts(from, to)) minutes.addRange(a, b, sum);
  const a = ceilHour(from);
  const b = floorHour(to);
  if (a < b) hours.addRange(a, b, sum);
  return sum;
}
