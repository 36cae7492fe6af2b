import "server-only";
import type { SqlQuery } from "@/lib/db";
import { bucketDeltas } from "@/lib/domain/case-stats";
import type { CaseChange } from "@/lib/server/events/case-writes";

/** Adds the difference of each changed case's contribution to the per-minute buckets. */
export async function writeBuckets(q: SqlQuery, changes: CaseChange[], targetOf: (processId: string) => number) {
  const byProcess = new Map<string, CaseChange[]>();
  for (const change of changes) {
    const list = byProcess.get(change.processId) ?? [];
    list.push(change);
    byProcess.set(change.processId, list);
  }
  const payload = [...byProcess.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap(([processId, list]) =>
      bucketDeltas(list, targetOf(processId)).map(({ minute, counts }) => ({
        process_id: processId,
        minute: minute.toISOString(),
        ...counts,
      })),
    );
  if (payload.length === 0) return;
  // Sorted by (process, minute) so concurrent batches lock bucket rows in one order.
  await q(
    `INSERT INTO stat_buckets AS b (process_id, minute, started, completed, completed_within_target, failed,
                                    cancelled, compensated, retried)
     SELECT d.process_id, d.minute, d."started", d."completed", d."completedWithinTarget", d."failed",
            d."cancelled", d."compensated", d."retried"
     FROM json_to_recordset($1::json) AS d(process_id text, minute timestamptz, "started" int, "completed" int,
          "completedWithinTarget" int, "failed" int, "cancelled" int, "compensated" int, "retried" int)
     ORDER BY d.process_id, d.minute
     ON CONFLICT (process_id, minute) DO UPDATE SET
       started = b.started + EXCLUDED.started,
       completed = b.completed + EXCLUDED.completed,
       completed_within_target = b.completed_within_target + EXCLUDED.completed_within_target,
       failed = b.failed + EXCLUDED.failed,
       cancelled = b.cancelled + EXCLUDED.cancelled,
       compensated = b.compensated + EXCLUDED.compensated,
       retried = b.retried + EXCLUDED.retried`,
    [JSON.stringify(payload)],
  );
}
