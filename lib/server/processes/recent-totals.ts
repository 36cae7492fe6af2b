import "server-only";
import { ceilHour, floorHour, minuteParts } from "@/lib/domain/time-range";
import type { Tx } from "@/lib/server/context";

const SUMS = { started: true, finished: true, completed: true, failed: true, cancelled: true, badOutcome: true } as const;
export type Totals = Record<keyof typeof SUMS, number>;

const zero = (): Totals => ({ started: 0, finished: 0, completed: 0, failed: 0, cancelled: 0, badOutcome: 0 });

/**
 * Processes' counters over [from, to) (minute-aligned), in two queries for all of them:
 * whole hours from the hourly rollup, the ragged ends from the minutes, so a day reads
 * about 24 + 120 rows per process and version.
 */
export async function recentTotals(tx: Tx, processIds: string[], from: number, to: number): Promise<Map<string, Totals>> {
  const parts = minuteParts(from, to);
  const [minutes, hours] = await Promise.all([
    tx.statBucket.groupBy({
      by: ["processId"],
      where: { processId: { in: processIds }, OR: parts.map(([a, b]) => ({ minute: { gte: new Date(a), lt: new Date(b) } })) },
      _sum: SUMS,
    }),
    ceilHour(from) < floorHour(to)
      ? tx.statBucketHourly.groupBy({
          by: ["processId"],
          where: { processId: { in: processIds }, hour: { gte: new Date(ceilHour(from)), lt: new Date(floorHour(to)) } },
          _sum: SUMS,
        })
      : [],
  ]);
  const out = new Map(processIds.map((id) => [id, zero()]));
  for (const row of [...minutes, ...hours]) {
    const total = out.get(row.processId)!;
    for (const k of Object.keys(SUMS) as (keyof Totals)[]) total[k] += row._sum[k] ?? 0;
  }
  return out;
}

/** Stuck cases per process now: one index range per process on (process_id, stuck_after). */
export async function stuckCounts(tx: Tx, processIds: string[], now: Date): Promise<Map<string, number>> {
  const rows = await tx.case.groupBy({ by: ["processId"], where: { processId: { in: processIds }, stuckAfter: { lt: now } }, _count: { _all: true } });
  return new Map(processIds.map((id) => [id, rows.find((r) => r.processId === id)?._count._all ?? 0]));
}
