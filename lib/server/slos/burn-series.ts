import "server-only";
import { cycleCounterFor } from "@/lib/domain/case-stats";
import { budgetRemaining, burnRate, sliCounts, sliValue, type BurnWindow, type SliType } from "@/lib/domain/slo";
import { floorHour } from "@/lib/domain/time-range";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/server/authorize";
import type { Ctx } from "@/lib/server/context";

const HOUR = 3_600_000;
/** Windows of whole hours, which hour-aligned points can sum exactly from the hourly rollup. */
const SERIES_WINDOWS: BurnWindow[] = ["1h", "6h", "1d", "3d"];
const WINDOW_HOURS: Record<string, number> = { "1h": 1, "6h": 6, "1d": 24, "3d": 72 };

export type BurnPoint = {
  at: Date;
  sli: number | null;
  budgetRemaining: number;
  burn: Partial<Record<BurnWindow, number>>;
  bad: number;
  total: number;
};

/**
 * An SLO over time (API.md `GET /api/v1/slos/{id}/burn`): at each hour-aligned point,
 * the SLI and the budget left over the SLO's window ending there, and the burn rates
 * over 1 h, 6 h, 1 d and 3 d, from the hourly statistics (prefix sums: one pass).
 * Points count finished cases and stuck samples; open cases past a cycle-time target
 * count in the live evaluation (the SLO's status), not in these past points.
 */
export async function burnSeries(ctx: Ctx, input: { id: string; from: Date; to: Date }) {
  authorize(ctx.actor, "processes:read");
  const slo = await ctx.db.slo.findUnique({ where: { id: input.id } });
  if (!slo) throw new AppError("not_found", `No SLO ${input.id}.`);
  const first = floorHour(input.from.getTime());
  const last = floorHour(input.to.getTime());
  const stepHours = Math.max(1, Math.ceil((last - first) / HOUR / 240));
  const span = Math.max(slo.windowDays * 24, 72) * HOUR;
  const [buckets, stuck] = await Promise.all([
    ctx.db.statBucketHourly.findMany({
      where: { processId: slo.processId, ...(slo.version ? { version: slo.version } : {}), hour: { gte: new Date(first - span), lt: new Date(last) } },
    }),
    ctx.db.stuckSampleHourly.findMany({ where: { processId: slo.processId, hour: { gte: new Date(first - span), lt: new Date(last) } } }),
  ]);
  // Hour index → sums; then prefix sums, so any window is a difference.
  const hours = (last - (first - span)) / HOUR;
  const base = first - span;
  const within = slo.targetSec ? cycleCounterFor(slo.targetSec) : null;
  const cols = { finished: 0, completedWithin: 1, badOutcome: 2, retried: 3, compensated: 4, openSampled: 5, stuckSampled: 6 };
  const prefix = Array.from({ length: hours + 1 }, () => new Array<number>(7).fill(0));
  const add = (hour: number, col: number, n: number) => {
    const i = (hour - base) / HOUR;
    if (i >= 0 && i < hours) prefix[i + 1]![col]! += n;
  };
  for (const b of buckets) {
    const h = b.hour.getTime();
    add(h, cols.finished, b.finished);
    if (within) add(h, cols.completedWithin, b[within]);
    add(h, cols.badOutcome, b.badOutcome);
    add(h, cols.retried, b.retried);
    add(h, cols.compensated, b.compensated);
  }
  for (const s of stuck) {
    add(s.hour.getTime(), cols.openSampled, s.open);
    add(s.hour.getTime(), cols.stuckSampled, s.stuck);
  }
  for (let i = 1; i <= hours; i++) for (let c = 0; c < 7; c++) prefix[i]![c]! += prefix[i - 1]![c]!;
  const sums = (endIndex: number, lengthHours: number) => {
    const a = prefix[Math.max(0, endIndex - lengthHours)]!;
    const b = prefix[endIndex]!;
    const d = (c: number) => b[c]! - a[c]!;
    return { finished: d(0), completedWithin: d(1), badOutcome: d(2), retried: d(3), compensated: d(4), openSampled: d(5), stuckSampled: d(6) };
  };
  const points: BurnPoint[] = [];
  for (let t = first; t <= last; t += stepHours * HOUR) {
    const end = (t - base) / HOUR;
    const windowCounts = sliCounts(slo.sli as SliType, sums(end, slo.windowDays * 24));
    points.push({
      at: new Date(t),
      sli: sliValue(windowCounts),
      budgetRemaining: budgetRemaining(windowCounts, slo.objective),
      burn: Object.fromEntries(SERIES_WINDOWS.map((w) => [w, burnRate(sliCounts(slo.sli as SliType, sums(end, WINDOW_HOURS[w]!)), slo.objective)])),
      bad: windowCounts.bad,
      total: windowCounts.total,
    });
  }
  return { id: slo.id, objective: slo.objective, stepHours, points };
}
