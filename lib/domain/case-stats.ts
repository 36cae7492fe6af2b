import type { CaseProjection } from "@/lib/domain/case";

/**
 * Cycle-time targets an SLO may use. Statistics count each completed case under every
 * one of these its cycle time meets, so "completed within the target" is exact for
 * each of them without reading cases again.
 */
export const CYCLE_TARGETS = [
  ["within15m", 15 * 60],
  ["within30m", 30 * 60],
  ["within1h", 3600],
  ["within2h", 2 * 3600],
  ["within4h", 4 * 3600],
  ["within8h", 8 * 3600],
  ["within12h", 12 * 3600],
  ["within1d", 86400],
  ["within2d", 2 * 86400],
  ["within3d", 3 * 86400],
  ["within7d", 7 * 86400],
] as const;

export type CycleCounter = (typeof CYCLE_TARGETS)[number][0];
export const CYCLE_TARGET_SECONDS: readonly number[] = CYCLE_TARGETS.map(([, s]) => s);

export function cycleCounterFor(targetSec: number): CycleCounter | null {
  return CYCLE_TARGETS.find(([, s]) => s === targetSec)?.[0] ?? null;
}

/** The per-minute (and per-hour) counters of a process and version (prisma model StatBucket). */
export const BUCKET_COUNTERS = [
  "started",
  "finished",
  "completed",
  "failed",
  "cancelled",
  "retried",
  "compensated",
  "badOutcome",
  ...CYCLE_TARGETS.map(([name]) => name),
] as const;

export type BucketCounter = (typeof BUCKET_COUNTERS)[number];
export type Counts = Record<BucketCounter, number>;

export type BucketDelta = { version: string; minute: Date; counts: Counts };

const MINUTE = 60_000;

export function minuteOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / MINUTE) * MINUTE);
}

export function hourOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / (60 * MINUTE)) * 60 * MINUTE);
}

type Contribution = [version: string, minute: number, counter: BucketCounter];

/**
 * What one case adds to the buckets of its version: a start in the minute it started,
 * and when it finished, in the minute it finished: `finished`, its outcome (a
 * compensated case is a failed case whose partial work was undone, so it counts as
 * failed), whether it needed a retry or a compensation, whether it was bad for the
 * failure-rate SLI (failed, or an operator had to step in), and for a completed case
 * every cycle-time target it met.
 */
export function contributions(c: CaseProjection | null, intervened: boolean): Contribution[] {
  if (!c) return [];
  const version = c.version ?? "";
  const out: Contribution[] = [];
  if (c.startedAt) out.push([version, minuteOf(c.startedAt).getTime(), "started"]);
  if (!c.finishedAt) return out;
  const minute = minuteOf(c.finishedAt).getTime();
  const add = (counter: BucketCounter) => out.push([version, minute, counter]);
  switch (c.status) {
    case "completed": {
      add("completed");
      if (c.startedAt) {
        const cycleSec = (c.finishedAt.getTime() - c.startedAt.getTime()) / 1000;
        // A start reported after the finish (an engine's clock) meets no target rather than all.
        if (cycleSec >= 0) for (const [counter, limit] of CYCLE_TARGETS) if (cycleSec <= limit) add(counter);
      }
      break;
    }
    case "failed":
    case "compensated":
      add("failed");
      break;
    case "cancelled":
      add("cancelled");
      break;
    default:
      return out; // open again (e.g. compensating after a failure): no outcome yet
  }
  add("finished");
  if (c.status === "failed" || c.status === "compensated" || intervened) add("badOutcome");
  if (c.retries > 0) add("retried");
  if (c.compensations > 0) add("compensated");
  return out;
}

export function emptyCounts(): Counts {
  return Object.fromEntries(BUCKET_COUNTERS.map((k) => [k, 0])) as Counts;
}

/**
 * The bucket changes when cases change from `before` to `after`: the difference of
 * their contributions, so replays and out-of-order events keep the buckets exact.
 */
export function bucketDeltas(
  changes: Iterable<{ before: CaseProjection | null; after: CaseProjection | null; intervened?: boolean }>,
): BucketDelta[] {
  const byKey = new Map<string, { version: string; minute: number; counts: Counts }>();
  const add = ([version, minute, counter]: Contribution, sign: 1 | -1) => {
    const key = `${version}\u0000${minute}`;
    const entry = byKey.get(key) ?? { version, minute, counts: emptyCounts() };
    entry.counts[counter] += sign;
    byKey.set(key, entry);
  };
  for (const { before, after, intervened = false } of changes) {
    for (const c of contributions(before, intervened)) add(c, -1);
    for (const c of contributions(after, intervened)) add(c, 1);
  }
  return [...byKey.values()]
    .filter((e) => Object.values(e.counts).some((n) => n !== 0))
    .sort((a, b) => a.minute - b.minute || (a.version < b.version ? -1 : a.version > b.version ? 1 : 0))
    .map((e) => ({ version: e.version, minute: new Date(e.minute), counts: e.counts }));
}

/** The same deltas summed per hour, for the hourly rollup that long windows read. */
export function hourlyDeltas(deltas: BucketDelta[]): BucketDelta[] {
  const byKey = new Map<string, BucketDelta>();
  for (const d of deltas) {
    const hour = hourOf(d.minute);
    const key = `${d.version}\u0000${hour.getTime()}`;
    const entry = byKey.get(key) ?? { version: d.version, minute: hour, counts: emptyCounts() };
    for (const k of BUCKET_COUNTERS) entry.counts[k] += d.counts[k];
    byKey.set(key, entry);
  }
  return [...byKey.values()].filter((e) => Object.values(e.counts).some((n) => n !== 0));
}
