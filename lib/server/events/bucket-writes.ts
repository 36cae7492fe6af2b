import "server-only";
import type { SqlQuery } from "@/lib/db";
import { netMoves } from "@/lib/domain/backlog";
import { isOpen } from "@/lib/domain/case";
import { BUCKET_COUNTERS, bucketDeltas, hourlyDeltas, type BucketDelta } from "@/lib/domain/case-stats";
import type { CaseChange } from "@/lib/server/events/case-writes";

/** "badOutcome" → "bad_outcome", "within15m" → "within_15m": the bucket tables' column names. */
const column = (counter: string) => counter.replace(/([a-z])([A-Z0-9])/, "$1_$2").replace(/([A-Z])/g, (c) => c.toLowerCase());
const COLUMNS = BUCKET_COUNTERS.map(column);

async function upsert(q: SqlQuery, table: "stat_buckets" | "stat_buckets_hourly", time: "minute" | "hour", rows: (BucketDelta & { processId: string })[]) {
  if (rows.length === 0) return;
  const payload = rows
    .map((r) => ({ process_id: r.processId, version: r.version, at: r.minute.toISOString(), ...r.counts }))
    .sort((a, b) => (a.process_id < b.process_id ? -1 : a.process_id > b.process_id ? 1 : a.version < b.version ? -1 : a.version > b.version ? 1 : a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  // Sorted by key so concurrent projectors lock bucket rows in one order.
  await q(
    `INSERT INTO ${table} AS b (process_id, version, ${time}, ${COLUMNS.join(", ")})
     SELECT d.process_id, d.version, d.at, ${BUCKET_COUNTERS.map((c) => `d."${c}"`).join(", ")}
     FROM json_to_recordset($1::json) AS d(process_id text, version text, at timestamptz, ${BUCKET_COUNTERS.map((c) => `"${c}" int`).join(", ")})
     ORDER BY d.process_id, d.version, d.at
     ON CONFLICT (process_id, version, ${time}) DO UPDATE SET
       ${COLUMNS.map((c) => `${c} = b.${c} + EXCLUDED.${c}`).join(",\n       ")}`,
    [JSON.stringify(payload)],
  );
}

/**
 * Adds the difference of each changed case's contribution to the per-minute buckets
 * and to their hourly rollup, in the projector's transaction.
 */
export async function writeBuckets(q: SqlQuery, changes: CaseChange[], intervenedOf: (caseId: string) => boolean) {
  const byProcess = new Map<string, CaseChange[]>();
  for (const change of changes) {
    const list = byProcess.get(change.processId) ?? [];
    list.push(change);
    byProcess.set(change.processId, list);
  }
  const minutes: (BucketDelta & { processId: string })[] = [];
  const hours: (BucketDelta & { processId: string })[] = [];
  for (const [processId, list] of byProcess) {
    const deltas = bucketDeltas(list.map((c) => ({ before: c.before, after: c.after, intervened: intervenedOf(c.caseId) })));
    minutes.push(...deltas.map((d) => ({ ...d, processId })));
    hours.push(...hourlyDeltas(deltas).map((d) => ({ ...d, processId })));
  }
  await upsert(q, "stat_buckets", "minute", minutes);
  await upsert(q, "stat_buckets_hourly", "hour", hours);
}

/** Adds how many cases each change opened or closed to the process's open-case counter. */
export async function writeCounters(q: SqlQuery, changes: CaseChange[]) {
  const delta = new Map<string, number>();
  for (const c of changes) {
    const d = (isOpen(c.after.status) ? 1 : 0) - (c.before && isOpen(c.before.status) ? 1 : 0);
    if (d !== 0) delta.set(c.processId, (delta.get(c.processId) ?? 0) + d);
  }
  const rows = [...delta].filter(([, d]) => d !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (rows.length === 0) return;
  await q(
    `INSERT INTO process_counters AS c (process_id, open)
     SELECT d.process_id, d.open FROM json_to_recordset($1::json) AS d(process_id text, open int) ORDER BY d.process_id
     ON CONFLICT (process_id) DO UPDATE SET open = c.open + EXCLUDED.open`,
    [JSON.stringify(rows.map(([process_id, open]) => ({ process_id, open })))],
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
