import "server-only";
import { CYCLE_TARGETS, cycleCounterFor } from "@/lib/domain/case-stats";
import type { WindowSums } from "@/lib/domain/slo";
import { rangeParts } from "@/lib/domain/time-range";
import type { Tx } from "@/lib/server/context";

/** The counters an SLI can need (lib/domain/slo.ts sliCounts), as bucket-table columns. */
const SLI_COLUMNS = ["finished", "bad_outcome", "retried", "compensated", ...CYCLE_TARGETS.map(([name]) => name.replace(/([a-z])([0-9])/, "$1_$2"))];
const FIELDS = ["finished", "badOutcome", "retried", "compensated", ...CYCLE_TARGETS.map(([name]) => name)] as const;
type Field = (typeof FIELDS)[number];

type SumRow = { window: number; version: string; [column: string]: unknown };

/**
 * The statistics of one process over windows ending at `to`, summed by the database in
 * one statement: for each window, the per-minute rows of its ragged ends and the hourly
 * rows in between (lib/domain/time-range.ts rangeParts), per version. A 30-day window
 * reads about 720 hourly rows and at most 118 minute rows; only the sums come back.
 */
export async function loadWindowSums(tx: Tx, processId: string, to: number, windowsMs: number[]) {
  const windows = [...new Set(windowsMs)];
  const ranges = windows.flatMap((w, i) => {
    const parts = rangeParts(to - w, to);
    return [
      ...parts.minutes.map(([a, b]) => ({ i, kind: "m", a: new Date(a).toISOString(), b: new Date(b).toISOString() })),
      ...(parts.hours ? [{ i, kind: "h", a: new Date(parts.hours[0]).toISOString(), b: new Date(parts.hours[1]).toISOString() }] : []),
    ];
  });
  const sums = SLI_COLUMNS.map((c) => `sum(s.${c})::float8 AS ${c}`).join(", ");
  const rows = await tx.$queryRawUnsafe<SumRow[]>(
    `WITH r AS (SELECT * FROM json_to_recordset($1::json) AS x(i int, kind text, a timestamptz, b timestamptz))
     SELECT r.i AS window, s.version, ${sums}
       FROM r JOIN stat_buckets s ON r.kind = 'm' AND s.process_id = $2 AND s.minute >= r.a AND s.minute < r.b
       GROUP BY r.i, s.version
     UNION ALL
     SELECT r.i, s.version, ${sums}
       FROM r JOIN stat_buckets_hourly s ON r.kind = 'h' AND s.process_id = $2 AND s.hour >= r.a AND s.hour < r.b
       GROUP BY r.i, s.version`,
    JSON.stringify(ranges),
    processId,
  );
  const stuck = await tx.$queryRawUnsafe<{ window: number; open: number; stuck: number }[]>(
    `WITH r AS (SELECT * FROM json_to_recordset($1::json) AS x(i int, kind text, a timestamptz, b timestamptz))
     SELECT i AS window, sum(open)::float8 AS open, sum(stuck)::float8 AS stuck FROM (
       SELECT r.i, s.open, s.stuck FROM r JOIN stuck_samples s ON r.kind = 'm' AND s.process_id = $2 AND s.minute >= r.a AND s.minute < r.b
       UNION ALL
       SELECT r.i, s.open, s.stuck FROM r JOIN stuck_samples_hourly s ON r.kind = 'h' AND s.process_id = $2 AND s.hour >= r.a AND s.hour < r.b
     ) t GROUP BY i`,
    JSON.stringify(ranges),
    processId,
  );

  return {
    /** The sums of the window `windowMs` long ending at `to`, for one version or all (null); `targetSec` picks the cycle-time counter. */
    sums(version: string | null, windowMs: number, targetSec: number | null): WindowSums {
      const i = windows.indexOf(windowMs);
      if (i === -1) throw new Error(`window ${windowMs} ms was not loaded`);
      const total = Object.fromEntries(FIELDS.map((f) => [f, 0])) as Record<Field, number>;
      for (const row of rows) {
        if (Number(row.window) !== i || (version !== null && row.version !== version)) continue;
        FIELDS.forEach((f, k) => (total[f] += Number(row[SLI_COLUMNS[k]!] ?? 0)));
      }
      const samples = stuck.filter((s) => Number(s.window) === i);
      const within = targetSec === null ? null : cycleCounterFor(targetSec);
      return {
        finished: total.finished,
        completedWithin: within ? total[within] : 0,
        badOutcome: total.badOutcome,
        retried: total.retried,
        compensated: total.compensated,
        openSampled: samples.reduce((n, s) => n + Number(s.open), 0),
        stuckSampled: samples.reduce((n, s) => n + Number(s.stuck), 0),
      };
    },
  };
}
