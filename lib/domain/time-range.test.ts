import { describe, it, expect } from "vitest";
import { ceilHour, floorHour, floorMinute, minuteParts, rangeParts } from "@/lib/domain/time-range";

type Row<T> = { at: number; value: T };

const SEC = 1000;
const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** An hour-aligned instant: 2026-03-01 00:00 UTC. */
const T0 = Date.UTC(2026, 2, 1, 0, 0, 0);
/** T0 plus `h` hours and `m` minutes. */
const t = (h: number, m = 0) => T0 + h * HOUR + m * MIN;

/** mulberry32: a small seeded PRNG returning floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

describe("floorHour / ceilHour / floorMinute", () => {
  it("floorHour goes back to the start of the hour", () => {
    expect(floorHour(t(3, 59) + 59 * SEC + 999)).toBe(t(3));
    expect(floorHour(t(3, 1))).toBe(t(3));
    expect(floorHour(t(3) + 1)).toBe(t(3));
  });

  it("ceilHour goes on to the start of the next hour", () => {
    expect(ceilHour(t(3) + 1)).toBe(t(4));
    expect(ceilHour(t(3, 30))).toBe(t(4));
    expect(ceilHour(t(3, 59) + 59 * SEC + 999)).toBe(t(4));
  });

  it("floorHour and ceilHour keep an hour-aligned instant", () => {
    expect(floorHour(t(5))).toBe(t(5));
    expect(ceilHour(t(5))).toBe(t(5));
    expect(floorHour(0)).toBe(0);
    expect(ceilHour(0)).toBe(0);
  });

  it("floorMinute goes back to the start of the minute and keeps an aligned one", () => {
    expect(floorMinute(t(2, 7) + 59 * SEC + 999)).toBe(t(2, 7));
    expect(floorMinute(t(2, 7) + 1)).toBe(t(2, 7));
    expect(floorMinute(t(2, 7))).toBe(t(2, 7));
  });

  it("work on instants that are not multiples of the unit from T0", () => {
    const x = Date.UTC(2026, 2, 1, 13, 47, 21, 500);
    expect(floorHour(x)).toBe(Date.UTC(2026, 2, 1, 13));
    expect(ceilHour(x)).toBe(Date.UTC(2026, 2, 1, 14));
    expect(floorMinute(x)).toBe(Date.UTC(2026, 2, 1, 13, 47));
  });
});

describe("minuteParts", () => {
  it("a range inside one hour is one part: the whole range", () => {
    expect(minuteParts(t(2, 10), t(2, 50))).toEqual([[t(2, 10), t(2, 50)]]);
  });

  it("a range starting on the hour but ending inside it is one part", () => {
    expect(minuteParts(t(2), t(2, 30))).toEqual([[t(2), t(2, 30)]]);
  });

  it("a range ending exactly on the next hour (no whole hour inside) is one part", () => {
    expect(minuteParts(t(2, 10), t(3))).toEqual([[t(2, 10), t(3)]]);
  });

  it("a range crossing one hour boundary without a whole hour inside is one part", () => {
    expect(minuteParts(t(2, 50), t(3, 10))).toEqual([[t(2, 50), t(3, 10)]]);
  });

  it("a range spanning whole hours has a leading and a trailing part", () => {
    expect(minuteParts(t(2, 10), t(5, 20))).toEqual([
      [t(2, 10), t(3)],
      [t(5), t(5, 20)],
    ]);
  });

  it("a range with exactly one whole hour inside has both ragged ends", () => {
    expect(minuteParts(t(2, 59), t(4, 1))).toEqual([
      [t(2, 59), t(3)],
      [t(4), t(4, 1)],
    ]);
  });

  it("drops the leading part when the start is hour-aligned", () => {
    expect(minuteParts(t(2), t(5, 20))).toEqual([[t(5), t(5, 20)]]);
  });

  it("drops the trailing part when the end is hour-aligned", () => {
    expect(minuteParts(t(2, 10), t(5))).toEqual([[t(2, 10), t(3)]]);
  });

  it("has no parts when both ends are hour-aligned", () => {
    expect(minuteParts(t(2), t(5))).toEqual([]);
    expect(minuteParts(t(2), t(3))).toEqual([]);
  });

  it("a 30-day window ending mid-hour needs at most 118 minutes from the minute rows", () => {
    const to = t(24 * 40, 59);
    const parts = minuteParts(to - 30 * DAY, to);
    const minutes = parts.reduce((n, [a, b]) => n + (b - a) / MIN, 0);
    expect(minutes).toBe(60); // 1 leading + 59 trailing
    const worst = minuteParts(t(0, 1), t(24 * 30, 59));
    expect(worst.reduce((n, [a, b]) => n + (b - a) / MIN, 0)).toBe(118);
  });
});

type Sum = { events: number; bad: number };
const zero = (): Sum => ({ events: 0, bad: 0 });
const add = (s: Sum, v: Sum) => {
  s.events += v.events;
  s.bad += v.bad;
};

/** Sums [from, to) the way the SLO queries do: the minute rows of rangeParts' minute ranges, the hour rows of its hours. */
function sumRange(from: number, to: number, minutes: readonly Row<Sum>[], hours: readonly Row<Sum>[], _zero?: () => Sum, _add?: unknown): Sum {
  const parts = rangeParts(from, to);
  const s = zero();
  for (const r of minutes) if (parts.minutes.some(([a, b]) => r.at >= a && r.at < b)) add(s, r.value);
  if (parts.hours) for (const r of hours) if (r.at >= parts.hours[0] && r.at < parts.hours[1]) add(s, r.value);
  return s;
}

/** Sparse synthetic minute rows over `days` from T0, and hour rows that are exactly each hour's minute sums. */
function synthetic(seed: number, days: number): { minutes: Row<Sum>[]; hours: Row<Sum>[] } {
  const rand = mulberry32(seed);
  const minutes: Row<Sum>[] = [];
  const hourSums = new Map<number, Sum>();
  for (let at = T0; at < T0 + days * DAY; at += MIN) {
    if (rand() < 0.3) continue; // minutes without events have no row
    const events = 1 + Math.floor(rand() * 20);
    const value = { events, bad: Math.floor(rand() * (events + 1)) };
    minutes.push({ at, value });
    const h = floorHour(at);
    const sum = hourSums.get(h) ?? zero();
    add(sum, value);
    hourSums.set(h, sum);
  }
  const hours = [...hourSums].map(([at, value]) => ({ at, value }));
  return { minutes, hours };
}

/** The reference: sum the minute rows in [from, to) directly. */
function direct(from: number, to: number, minutes: readonly Row<Sum>[]): Sum {
  const s = zero();
  for (const r of minutes) if (r.at >= from && r.at < to) add(s, r.value);
  return s;
}

describe("sumRange", () => {
  const { minutes, hours } = synthetic(20260301, 5);

  it("the synthetic hour rows are the sums of their minute rows", () => {
    const h = hours[7]!;
    expect(h.value).toEqual(direct(h.at, h.at + HOUR, minutes));
    expect(hours.reduce((n, r) => n + r.value.events, 0)).toBe(minutes.reduce((n, r) => n + r.value.events, 0));
  });

  it("an empty range sums to zero", () => {
    expect(sumRange(t(5, 10), t(5, 10), minutes, hours, zero, add)).toEqual(zero());
    expect(sumRange(t(5), t(5), minutes, hours, zero, add)).toEqual(zero());
  });

  it("hand-picked ranges: inside an hour, across hours, aligned at either or both ends", () => {
    const ranges: [number, number][] = [
      [t(1, 5), t(1, 6)],
      [t(1, 5), t(1, 55)],
      [t(1, 50), t(2, 10)],
      [t(1, 10), t(5, 20)],
      [t(1), t(5, 20)],
      [t(1, 10), t(5)],
      [t(1), t(5)],
      [t(0), t(24 * 5)],
      [t(0, 1), t(24 * 5 - 1, 59)],
    ];
    for (const [from, to] of ranges) expect(sumRange(from, to, minutes, hours, zero, add), `${from}..${to}`).toEqual(direct(from, to, minutes));
  });

  it("equals summing the minute rows directly, for 500 random minute-aligned ranges up to 3 days long", () => {
    const rand = mulberry32(42);
    const span = 5 * 24 * 60; // minutes of data
    const maxLen = 3 * 24 * 60;
    let aligned = 0;
    for (let i = 0; i < 500; i++) {
      let from = T0 + Math.floor(rand() * (span - maxLen + 1)) * MIN;
      let to = from + Math.floor(rand() * (maxLen + 1)) * MIN;
      // Hit the hour-aligned edge cases often.
      if (rand() < 0.2) from = floorHour(from);
      if (rand() < 0.2) to = Math.max(from, floorHour(to));
      if (from % HOUR === 0 || to % HOUR === 0) aligned++;
      expect(to - from).toBeLessThanOrEqual(3 * DAY);
      const got = sumRange(from, to, minutes, hours, zero, add);
      expect(got, `range ${new Date(from).toISOString()} .. ${new Date(to).toISOString()}`).toEqual(direct(from, to, minutes));
    }
    expect(aligned).toBeGreaterThan(50);
  });

  it("uses the hour rows for whole hours (not the minute rows)", () => {
    // With the minute rows of the whole hours removed, the sum is unchanged.
    const from = t(3, 17);
    const to = t(30, 42);
    const ragged = minutes.filter((r) => r.at < ceilHour(from) || r.at >= floorHour(to));
    expect(sumRange(from, to, ragged, hours, zero, add)).toEqual(direct(from, to, minutes));
  });
});
