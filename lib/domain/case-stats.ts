import type { CaseProjection } from "@/lib/domain/case";

/** The per-minute counters of a process (prisma model StatBucket). */
export const BUCKET_COUNTERS = [
  "started",
  "completed",
  "completedWithinTarget",
  "failed",
  "cancelled",
  "compensated",
  "retried",
] as const;

export type BucketCounter = (typeof BUCKET_COUNTERS)[number];

export type BucketDelta = { minute: Date; counts: Record<BucketCounter, number> };

const MINUTE = 60_000;

export function minuteOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / MINUTE) * MINUTE);
}

type Contribution = [minute: number, counter: BucketCounter];

/**
 * What one case adds to the buckets: a start in the minute it started, and when it
 * finished, its outcome in the minute it finished. A compensated case is a failed
 * case whose partial work was undone, so it counts as failed; `retried` and
 * `compensated` count finished cases that needed at least one retry / compensation.
 */
export function contributions(c: CaseProjection | null, cycleTargetSec: number): Contribution[] {
  if (!c) return [];
  const out: Contribution[] = [];
  if (c.startedAt) out.push([minuteOf(c.startedAt).getTime(), "started"]);
  if (!c.finishedAt) return out;
  const minute = minuteOf(c.finishedAt).getTime();
  switch (c.status) {
    case "completed":
      out.push([minute, "completed"]);
      if (c.startedAt && c.finishedAt.getTime() - c.startedAt.getTime() <= cycleTargetSec * 1000) {
        out.push([minute, "completedWithinTarget"]);
      }
      break;
    case "failed":
    case "compensated":
      out.push([minute, "failed"]);
      break;
    case "cancelled":
      out.push([minute, "cancelled"]);
      break;
    default:
      return out; // open again (e.g. compensating after a failure): no outcome yet
  }
  if (c.retries > 0) out.push([minute, "retried"]);
  if (c.compensations > 0) out.push([minute, "compensated"]);
  return out;
}

function emptyCounts(): Record<BucketCounter, number> {
  return { started: 0, completed: 0, completedWithinTarget: 0, failed: 0, cancelled: 0, compensated: 0, retried: 0 };
}

/**
 * The bucket changes when cases change from `before` to `after`: the difference of
 * their contributions, so replays and out-of-order events keep the buckets exact.
 */
export function bucketDeltas(
  changes: Iterable<{ before: CaseProjection | null; after: CaseProjection | null }>,
  cycleTargetSec: number,
): BucketDelta[] {
  const byMinute = new Map<number, Record<BucketCounter, number>>();
  const add = ([minute, counter]: Contribution, sign: 1 | -1) => {
    const counts = byMinute.get(minute) ?? emptyCounts();
    counts[counter] += sign;
    byMinute.set(minute, counts);
  };
  for (const { before, after } of changes) {
    for (const c of contributions(before, cycleTargetSec)) add(c, -1);
    for (const c of contributions(after, cycleTargetSec)) add(c, 1);
  }
  return [...byMinute.entries()]
    .filter(([, counts]) => Object.values(counts).some((n) => n !== 0))
    .sort(([a], [b]) => a - b)
    .map(([minute, counts]) => ({ minute: new Date(minute), counts }));
}
