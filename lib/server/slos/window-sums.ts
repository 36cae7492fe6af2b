import "server-only";
import { BUCKET_COUNTERS, cycleCounterFor } from "@/lib/domain/case-stats";
import type { WindowSums } from "@/lib/domain/slo";
import { ceilHour, floorHour, minuteParts, RangeIndex, sumRange } from "@/lib/domain/time-range";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/context";

const COUNTER_INDEX = new Map(BUCKET_COUNTERS.map((k, i) => [k, i]));
const at = (k: (typeof BUCKET_COUNTERS)[number]) => COUNTER_INDEX.get(k)!;

function vector(row: Record<string, unknown>): number[] {
  return BUCKET_COUNTERS.map((k) => Number(row[k] ?? 0));
}

/**
 * The statistics of one process for windows ending at `to`, read once: the per-minute
 * rows of the ragged window ends and the hourly rows in between (lib/domain/time-range).
 * `sums(version, from, to)` then adds them up for any window inside what was read.
 */
export async function loadWindowSums(tx: Tx, processId: string, to: number, windowsMs: number[]) {
  const longest = Math.max(...windowsMs);
  const minuteRanges = windowsMs.flatMap((w) => minuteParts(to - w, to));
  const minuteWhere = { OR: minuteRanges.map(([a, b]) => ({ minute: { gte: new Date(a), lt: new Date(b) } })) };
  const hourWhere = { hour: { gte: new Date(ceilHour(to - longest)), lt: new Date(floorHour(to)) } };
  const [minutes, hours, stuckMinutes, stuckHours] = await Promise.all([
    tx.statBucket.findMany({ where: { processId, ...minuteWhere } as Prisma.StatBucketWhereInput }),
    tx.statBucketHourly.findMany({ where: { processId, ...hourWhere } }),
    tx.stuckSample.findMany({ where: { processId, ...minuteWhere } as Prisma.StuckSampleWhereInput }),
    tx.stuckSampleHourly.findMany({ where: { processId, ...hourWhere } }),
  ]);
  type VersionedRow = { version: string; at: number; value: number[] };
  const minuteRows: VersionedRow[] = minutes.map((m) => ({ version: m.version, at: m.minute.getTime(), value: vector(m) }));
  const hourRows: VersionedRow[] = hours.map((h) => ({ version: h.version, at: h.hour.getTime(), value: vector(h) }));
  const stuckMinuteIndex = new RangeIndex(stuckMinutes.map((s) => ({ at: s.minute.getTime(), value: [1, s.open, s.stuck] })), 3);
  const stuckHourIndex = new RangeIndex(stuckHours.map((s) => ({ at: s.hour.getTime(), value: [s.samples, s.open, s.stuck] })), 3);
  // One prefix-sum index per version asked for (null: all versions), built on first use.
  const indexes = new Map<string | null, { minutes: RangeIndex; hours: RangeIndex }>();
  const indexFor = (version: string | null) => {
    let index = indexes.get(version);
    if (!index) {
      const pick = (rows: VersionedRow[]) => (version === null ? rows : rows.filter((r) => r.version === version));
      index = { minutes: new RangeIndex(pick(minuteRows), BUCKET_COUNTERS.length), hours: new RangeIndex(pick(hourRows), BUCKET_COUNTERS.length) };
      indexes.set(version, index);
    }
    return index;
  };

  return {
    /** The sums of [from, until) for one version, or all versions with null; `targetSec` picks the cycle-time counter. */
    sums(version: string | null, from: number, until: number, targetSec: number | null): WindowSums {
      const { minutes: mi, hours: hi } = indexFor(version);
      const c = sumRange(from, until, mi, hi);
      const [, open, stuck] = sumRange(from, until, stuckMinuteIndex, stuckHourIndex);
      const within = targetSec === null ? null : cycleCounterFor(targetSec);
      return {
        finished: c[at("finished")]!,
        completedWithin: within ? c[at(within)]! : 0,
        badOutcome: c[at("badOutcome")]!,
        retried: c[at("retried")]!,
        compensated: c[at("compensated")]!,
        openSampled: open!,
        stuckSampled: stuck!,
      };
    },
  };
}
