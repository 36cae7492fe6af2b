import "server-only";
import { BUCKET_COUNTERS, cycleCounterFor, type Counts as BucketCounts } from "@/lib/domain/case-stats";
import type { WindowSums } from "@/lib/domain/slo";
import { ceilHour, floorHour, minuteParts, sumRange, type Row } from "@/lib/domain/time-range";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/context";

type Counters = BucketCounts;
type Stuck = { samples: number; open: number; stuck: number };

const zeroCounters = (): Counters => Object.fromEntries(BUCKET_COUNTERS.map((k) => [k, 0])) as Counters;
const addCounters = (sum: Counters, v: Counters) => {
  for (const k of BUCKET_COUNTERS) sum[k] += v[k];
};
const zeroStuck = (): Stuck => ({ samples: 0, open: 0, stuck: 0 });
const addStuck = (sum: Stuck, v: Stuck) => {
  sum.samples += v.samples;
  sum.open += v.open;
  sum.stuck += v.stuck;
};

function counters(row: Record<string, unknown>): Counters {
  return Object.fromEntries(BUCKET_COUNTERS.map((k) => [k, Number(row[k] ?? 0)])) as Counters;
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
  const byVersion = (rows: { version: string; at: number; value: Counters }[], version: string | null) =>
    version === null ? rows : rows.filter((r) => r.version === version);
  const minuteRows = minutes.map((m) => ({ version: m.version, at: m.minute.getTime(), value: counters(m) }));
  const hourRows = hours.map((h) => ({ version: h.version, at: h.hour.getTime(), value: counters(h) }));
  const stuckMinuteRows: Row<Stuck>[] = stuckMinutes.map((s) => ({ at: s.minute.getTime(), value: { samples: 1, open: s.open, stuck: s.stuck } }));
  const stuckHourRows: Row<Stuck>[] = stuckHours.map((s) => ({ at: s.hour.getTime(), value: { samples: s.samples, open: s.open, stuck: s.stuck } }));

  return {
    /** The sums of [from, to) for one version, or all versions with null; `targetSec` picks the cycle-time counter. */
    sums(version: string | null, from: number, until: number, targetSec: number | null): WindowSums {
      const c = sumRange(from, until, byVersion(minuteRows, version), byVersion(hourRows, version), zeroCounters, addCounters);
      const s = sumRange(from, until, stuckMinuteRows, stuckHourRows, zeroStuck, addStuck);
      const within = targetSec === null ? null : cycleCounterFor(targetSec);
      return {
        finished: c.finished,
        completedWithin: within ? c[within] : 0,
        badOutcome: c.badOutcome,
        retried: c.retried,
        compensated: c.compensated,
        openSampled: s.open,
        stuckSampled: s.stuck,
      };
    },
  };
}
