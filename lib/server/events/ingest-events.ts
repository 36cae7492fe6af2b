import "server-only";
import type { CaseProjection, ProjectionCursor } from "@/lib/domain/case";
import { bucketDeltas } from "@/lib/domain/case-stats";
import { advanceCursor, foldAfter, projectCase } from "@/lib/domain/case-projection";
import type { CaseEvent } from "@/lib/domain/events";
import { stuckAfter } from "@/lib/domain/stuck";
import { AppError, type Issue } from "@/lib/errors";
import {
  CASE_ROW_COLUMNS,
  EVENT_ROW_COLUMNS,
  rowToEvent,
  rowToProjection,
  type CaseRow,
  type EventRow,
} from "@/lib/server/cases/case-row";
import { authorize } from "@/lib/server/authorize";
import { sourceOf, type Ctx, type Tx } from "@/lib/server/context";
import { ensureProcesses, type ProcessSettings } from "@/lib/server/processes/ensure-processes";
import type { TEvent, TEventBatch } from "@/lib/validation/event";

export type IngestResult = { accepted: number; duplicates: number };

/**
 * Stores a batch of events atomically and updates the projections they touch.
 *
 * One transaction, a fixed number of statements whatever the batch size: affected
 * cases are locked in id order (concurrent batches cannot deadlock or lose updates),
 * events are inserted with ON CONFLICT DO NOTHING (duplicates are counted, not
 * stored), each case is folded forward from its stored projection, or replayed from
 * its events when an event arrived out of order, and the per-minute buckets receive
 * the difference of each case's contribution.
 */
export async function ingestEvents(ctx: Ctx, input: TEventBatch): Promise<IngestResult> {
  authorize(ctx.actor, "events:ingest");
  const sourceId = sourceOf(ctx.actor);
  const unique = dedupeBatch(input.events);

  return ctx.db.$transaction(
    async (tx) => {
      const processes = await ensureProcesses(tx, [...new Set(unique.map((e) => e.process))]);
      const rows = await lockCases(tx, sourceId, unique, processes);
      assertSameProcess(unique, rows, processes, input.events);

      const inserted = await insertEvents(tx, sourceId, unique, processes);
      const accepted = new Map<string, CaseEvent[]>();
      for (const { event, seq } of inserted) {
        const list = accepted.get(event.caseId) ?? [];
        list.push(toCaseEvent(event, seq));
        accepted.set(event.caseId, list);
      }

      const changes = await project(tx, rows, accepted);
      await removeEmptyPlaceholders(tx, rows, accepted);
      await writeCases(tx, changes, processes);
      await writeBuckets(tx, changes, processes);
      return { accepted: inserted.length, duplicates: input.events.length - inserted.length };
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}

/** The first event with an id wins; later ones in the same batch are duplicates. */
function dedupeBatch(events: TEvent[]): TEvent[] {
  const seen = new Set<string>();
  return events.filter((e) => !seen.has(e.id) && seen.add(e.id));
}

/** Normalised to the millisecond the database stores, so folds and replays agree. */
const atOf = (e: TEvent) => new Date(e.at);

function toCaseEvent(e: TEvent, seq: number): CaseEvent {
  return {
    seq,
    type: e.type,
    at: atOf(e),
    processVersion: e.processVersion ?? null,
    state: e.state ?? null,
    provider: e.provider ?? null,
    attempt: e.attempt ?? null,
    idempotencyKey: e.idempotencyKey ?? null,
    error: e.error ?? null,
  };
}

/** Inserts placeholders for unseen cases, then locks every affected case in id order. */
async function lockCases(
  tx: Tx,
  sourceId: string,
  events: TEvent[],
  processes: Map<string, ProcessSettings>,
): Promise<Map<string, CaseRow>> {
  const caseProcess = new Map(events.map((e) => [e.caseId, processes.get(e.process)!.id]));
  const ids = [...caseProcess.keys()].sort();
  await tx.$executeRawUnsafe(
    `INSERT INTO cases (id, process_id, source_id, status, state_entered_at, last_event_at, last_event_seq, updated_at)
     SELECT c.id, c.process_id, $2, 'running', now(), now(), 0, now()
     FROM json_to_recordset($1::json) AS c(id text, process_id text)
     ORDER BY c.id
     ON CONFLICT (id) DO NOTHING`,
    JSON.stringify(ids.map((id) => ({ id, process_id: caseProcess.get(id) }))),
    sourceId,
  );
  const rows = await tx.$queryRawUnsafe<CaseRow[]>(
    `SELECT ${CASE_ROW_COLUMNS} FROM cases
     WHERE id IN (SELECT json_array_elements_text($1::json))
     ORDER BY id FOR UPDATE`,
    JSON.stringify(ids),
  );
  return new Map(rows.map((row) => [row.id, row]));
}

/** A case belongs to one process for good; an event that says otherwise fails the batch. */
function assertSameProcess(
  events: TEvent[],
  rows: Map<string, CaseRow>,
  processes: Map<string, ProcessSettings>,
  original: TEvent[],
) {
  const keyOf = new Map([...processes.values()].map((p) => [p.id, p.key]));
  const issues: Issue[] = [];
  const wrong = new Set(events.filter((e) => rows.get(e.caseId)?.process_id !== processes.get(e.process)!.id).map((e) => e.id));
  original.forEach((e, index) => {
    if (!wrong.has(e.id)) return;
    const stored = keyOf.get(rows.get(e.caseId)!.process_id) ?? "another process";
    issues.push({ path: ["events", index, "process"], message: `case ${e.caseId} belongs to process ${stored}` });
  });
  if (issues.length > 0) throw new AppError("invalid_request", "Some events name the wrong process for their case.", issues);
}

async function insertEvents(
  tx: Tx,
  sourceId: string,
  events: TEvent[],
  processes: Map<string, ProcessSettings>,
): Promise<{ event: TEvent; seq: number }[]> {
  const payload = events.map((e) => ({
    id: e.id,
    case_id: e.caseId,
    process_id: processes.get(e.process)!.id,
    type: e.type,
    at: atOf(e).toISOString(),
    process_version: e.processVersion ?? null,
    state: e.state ?? null,
    provider: e.provider ?? null,
    attempt: e.attempt ?? null,
    idempotency_key: e.idempotencyKey ?? null,
    error_code: e.error?.code ?? null,
    error_message: e.error?.message ?? null,
    data: e.data ?? null,
  }));
  const rows = await tx.$queryRawUnsafe<{ seq: bigint; external_id: string }[]>(
    `INSERT INTO events (source_id, external_id, case_id, process_id, type, at, process_version, state, provider,
                         attempt, idempotency_key, error_code, error_message, data)
     SELECT $2, e.id, e.case_id, e.process_id, e.type, e.at, e.process_version, e.state, e.provider,
            e.attempt, e.idempotency_key, e.error_code, e.error_message, e.data
     FROM json_to_recordset($1::json) AS e(id text, case_id text, process_id text, type text, at timestamptz,
          process_version text, state text, provider text, attempt int, idempotency_key text,
          error_code text, error_message text, data jsonb)
     ON CONFLICT (source_id, external_id) DO NOTHING
     RETURNING seq, external_id`,
    JSON.stringify(payload),
    sourceId,
  );
  const byId = new Map(events.map((e) => [e.id, e]));
  return rows.map((row) => ({ event: byId.get(row.external_id)!, seq: Number(row.seq) }));
}

type Change = {
  row: CaseRow;
  before: CaseProjection | null;
  after: CaseProjection;
  cursor: ProjectionCursor;
};

/** Folds new events forward where they all come later; replays the cases where one did not. */
async function project(tx: Tx, rows: Map<string, CaseRow>, accepted: Map<string, CaseEvent[]>): Promise<Change[]> {
  const changes: Change[] = [];
  const replay: CaseRow[] = [];
  for (const [caseId, events] of accepted) {
    const row = rows.get(caseId)!;
    const stored = rowToProjection(row);
    const after = foldAfter(stored?.projection ?? null, stored?.cursor ?? null, events);
    if (after === null) replay.push(row);
    else changes.push({ row, before: stored?.projection ?? null, after, cursor: advanceCursor(stored?.cursor ?? null, events)! });
  }
  if (replay.length === 0) return changes;

  const eventRows = await tx.$queryRawUnsafe<EventRow[]>(
    `SELECT ${EVENT_ROW_COLUMNS} FROM events
     WHERE case_id IN (SELECT json_array_elements_text($1::json))
     ORDER BY case_id, at, seq`,
    JSON.stringify(replay.map((r) => r.id)),
  );
  const history = new Map<string, CaseEvent[]>();
  for (const eventRow of eventRows) {
    const list = history.get(eventRow.case_id) ?? [];
    list.push(rowToEvent(eventRow));
    history.set(eventRow.case_id, list);
  }
  for (const row of replay) {
    const events = history.get(row.id) ?? [];
    changes.push({
      row,
      before: rowToProjection(row)?.projection ?? null,
      after: projectCase(events)!,
      cursor: advanceCursor(null, events)!,
    });
  }
  return changes;
}

/** A placeholder whose events all turned out to be duplicates stays unborn. */
async function removeEmptyPlaceholders(tx: Tx, rows: Map<string, CaseRow>, accepted: Map<string, CaseEvent[]>) {
  const empty = [...rows.values()].filter((r) => Number(r.event_count) === 0 && !accepted.has(r.id)).map((r) => r.id);
  if (empty.length === 0) return;
  await tx.$executeRawUnsafe(
    `DELETE FROM cases WHERE id IN (SELECT json_array_elements_text($1::json)) AND event_count = 0`,
    JSON.stringify(empty),
  );
}

async function writeCases(tx: Tx, changes: Change[], processes: Map<string, ProcessSettings>) {
  if (changes.length === 0) return;
  const policyOf = new Map([...processes.values()].map((p) => [p.id, p.stuckPolicy]));
  const payload = changes.map(({ row, after, cursor }) => ({
    id: row.id,
    status: after.status,
    state: after.state,
    state_entered_at: after.stateEnteredAt.toISOString(),
    started_at: after.startedAt?.toISOString() ?? null,
    finished_at: after.finishedAt?.toISOString() ?? null,
    version: after.version,
    provider: after.provider,
    attempts: after.attempts,
    retries: after.retries,
    compensations: after.compensations,
    last_error_code: after.lastError?.code ?? null,
    last_error_message: after.lastError?.message ?? null,
    last_idempotency_key: after.lastIdempotencyKey,
    stuck_after: stuckAfter(after, policyOf.get(row.process_id)!)?.toISOString() ?? null,
    last_event_at: cursor.at.toISOString(),
    last_event_seq: cursor.seq,
    event_count: after.eventCount,
  }));
  await tx.$executeRawUnsafe(
    `UPDATE cases AS c SET
       status = n.status::case_status, state = n.state, state_entered_at = n.state_entered_at,
       started_at = n.started_at, finished_at = n.finished_at, version = n.version, provider = n.provider,
       attempts = n.attempts, retries = n.retries, compensations = n.compensations,
       last_error_code = n.last_error_code, last_error_message = n.last_error_message,
       last_idempotency_key = n.last_idempotency_key, stuck_after = n.stuck_after,
       last_event_at = n.last_event_at, last_event_seq = n.last_event_seq, event_count = n.event_count,
       updated_at = now()
     FROM json_to_recordset($1::json) AS n(id text, status text, state text, state_entered_at timestamptz,
          started_at timestamptz, finished_at timestamptz, version text, provider text, attempts int, retries int,
          compensations int, last_error_code text, last_error_message text, last_idempotency_key text,
          stuck_after timestamptz, last_event_at timestamptz, last_event_seq bigint, event_count int)
     WHERE c.id = n.id`,
    JSON.stringify(payload),
  );
}

async function writeBuckets(tx: Tx, changes: Change[], processes: Map<string, ProcessSettings>) {
  const byProcess = new Map<string, Change[]>();
  for (const change of changes) {
    const list = byProcess.get(change.row.process_id) ?? [];
    list.push(change);
    byProcess.set(change.row.process_id, list);
  }
  const targetOf = new Map([...processes.values()].map((p) => [p.id, p.cycleTimeTargetSec]));
  const payload = [...byProcess.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap(([processId, list]) =>
      bucketDeltas(list, targetOf.get(processId)!).map(({ minute, counts }) => ({
        process_id: processId,
        minute: minute.toISOString(),
        ...counts,
      })),
    );
  if (payload.length === 0) return;
  // Sorted by (process, minute) so concurrent batches lock bucket rows in one order.
  await tx.$executeRawUnsafe(
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
    JSON.stringify(payload),
  );
}
