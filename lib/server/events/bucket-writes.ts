import "server-only";
import type { SqlQuery } from "@/lib/db";
import { netMoves } from "@/lib/domain/backlog";
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

/** Adds each changed case's backlog difference to the per-minute, per-state deltas. */
export async function writeBacklog(q: SqlQuery, changes: CaseChange[]) {
  const payload = changes
    .flatMap((c) => netMoves(c.backlog.delta).map((m) => ({ process_id: c.processId, state: m.state, minute: m.minute.getTime(), delta: m.delta })))
    .reduce((acc, row) => {
      const key = `${row.process_id}\u0000${row.state}\u0000${row.minute}`;
      const known = acc.get(key);
      if (known) known.delta += row.delta;
      else acc.set(key, { ...row });
      return acc;
    }, new Map<string, { process_id: string; state: string; minute: number; delta: number }>());
  const rows = [...payload.values()]
    .filter((r) => r.delta !== 0)
    .sort((a, b) => (a.process_id < b.process_id ? -1 : a.process_id > b.process_id ? 1 : a.state < b.state ? -1 : a.state > b.state ? 1 : a.minute - b.minute))
    .map((r) => ({ ...r, minute: new Date(r.minute).toISOString() }));
  if (rows.length === 0) return;
  // Sorted by key so concurrent projectors lock delta rows in one order.
  await q(
    `INSERT INTO backlog_deltas AS b (process_id, state, minute, delta)
     SELECT d.process_id, d.state, d.minute, d.delta
     FROM json_to_recordset($1::json) AS d(process_id text, state text, minute timestamptz, delta int)
     ORDER BY d.process_id, d.state, d.minute
     ON CONFLICT (process_id, state, minute) DO UPDATE SET delta = b.delta + EXCLUDED.delta`,
    [JSON.stringify(rows)],
  );
}
