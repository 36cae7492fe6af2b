import "server-only";
import type { SqlQuery } from "@/lib/db";
import type { BacklogMove, CaseBacklog } from "@/lib/domain/backlog";
import { isOpen, type CaseProjection, type ProjectionCursor } from "@/lib/domain/case";
import { stuckAfter, type StuckPolicy } from "@/lib/domain/stuck";
import { CASE_ROW_COLUMNS, type CaseRow } from "@/lib/server/cases/case-row";

/** A case's new projection, and the stored row it was computed from (null: a new case). */
export type CaseChange = {
  caseId: string;
  processId: string;
  /** The source a new case is recorded under; null for stored cases. */
  sourceId: string | null;
  base: CaseRow | null;
  before: CaseProjection | null;
  after: CaseProjection;
  cursor: ProjectionCursor;
  /** What the case adds to the backlog after this change, and the difference to what it added before. */
  backlog: { moves: CaseBacklog; delta: BacklogMove[] };
};

const ids = (list: string[]) => [JSON.stringify([...list].sort())];

export async function readCases(q: SqlQuery, caseIds: string[], lock: boolean): Promise<Map<string, CaseRow>> {
  const rows = await q<CaseRow>(
    `SELECT ${CASE_ROW_COLUMNS} FROM cases
     WHERE id = ANY(ARRAY(SELECT json_array_elements_text($1::json)))
     ORDER BY id ${lock ? "FOR UPDATE" : ""}`,
    ids(caseIds),
  );
  return new Map(rows.map((row) => [row.id, row]));
}

function columns(c: CaseChange, policy: StuckPolicy) {
  const { after, cursor } = c;
  return {
    id: c.caseId,
    process_id: c.processId,
    source_id: c.sourceId,
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
    last_step_state: after.lastStepState,
    stuck_after: stuckAfter(after, policy)?.toISOString() ?? null,
    open_started_at: isOpen(after.status) ? (after.startedAt?.toISOString() ?? null) : null,
    last_event_at: cursor.at.toISOString(),
    last_event_seq: cursor.seq,
    event_count: after.eventCount,
    backlog_moves: c.backlog.moves,
    expected_count: c.base === null ? null : Number(c.base.event_count),
  };
}

const RECORD = `n(id text, process_id text, source_id text, status text, state text, state_entered_at timestamptz,
  started_at timestamptz, finished_at timestamptz, version text, provider text, attempts int, retries int,
  compensations int, last_error_code text, last_error_message text, last_idempotency_key text, last_step_state text,
  stuck_after timestamptz, open_started_at timestamptz, last_event_at timestamptz, last_event_seq bigint, event_count int, backlog_moves jsonb,
  expected_count int)`;

/**
 * Writes new cases and updates stored ones, each only if nobody changed it since it
 * was read (`event_count` is the case's version: it grows with every event). Returns
 * the ids that lost such a race; the caller locks and recomputes those.
 */
export async function writeCases(
  q: SqlQuery,
  changes: CaseChange[],
  policyOf: (processId: string) => StuckPolicy,
): Promise<Set<string>> {
  const fresh = changes.filter((c) => c.base === null).map((c) => columns(c, policyOf(c.processId)));
  const stored = changes.filter((c) => c.base !== null).map((c) => columns(c, policyOf(c.processId)));
  const written = new Set<string>();
  if (fresh.length > 0) {
    const rows = await q<{ id: string }>(
      `INSERT INTO cases (id, process_id, source_id, status, state, state_entered_at, started_at, finished_at, version,
         provider, attempts, retries, compensations, last_error_code, last_error_message, last_idempotency_key,
         last_step_state, stuck_after, open_started_at, last_event_at, last_event_seq, event_count, backlog_moves, updated_at)
       SELECT n.id, n.process_id, n.source_id, n.status::case_status, n.state, n.state_entered_at, n.started_at,
         n.finished_at, n.version, n.provider, n.attempts, n.retries, n.compensations, n.last_error_code,
         n.last_error_message, n.last_idempotency_key, n.last_step_state, n.stuck_after, n.open_started_at, n.last_event_at, n.last_event_seq,
         n.event_count, n.backlog_moves, now()
       FROM json_to_recordset($1::json) AS ${RECORD}
       ORDER BY n.id
       ON CONFLICT (id) DO NOTHING
       RETURNING id`,
      [JSON.stringify(fresh)],
    );
    for (const r of rows) written.add(r.id);
  }
  if (stored.length > 0) {
    const rows = await q<{ id: string }>(
      `UPDATE cases AS c SET
         status = n.status::case_status, state = n.state, state_entered_at = n.state_entered_at,
         started_at = n.started_at, finished_at = n.finished_at, version = n.version, provider = n.provider,
         attempts = n.attempts, retries = n.retries, compensations = n.compensations,
         last_error_code = n.last_error_code, last_error_message = n.last_error_message,
         last_idempotency_key = n.last_idempotency_key, last_step_state = n.last_step_state,
         stuck_after = n.stuck_after, open_started_at = n.open_started_at,
         last_event_at = n.last_event_at, last_event_seq = n.last_event_seq, event_count = n.event_count,
         backlog_moves = n.backlog_moves, updated_at = now()
       FROM json_to_recordset($1::json) AS ${RECORD}
       WHERE c.id = n.id AND c.event_count = n.expected_count
       RETURNING c.id`,
      [JSON.stringify(stored.sort((a, b) => (a.id < b.id ? -1 : 1)))],
    );
    for (const r of rows) written.add(r.id);
  }
  return new Set(changes.map((c) => c.caseId).filter((id) => !written.has(id)));
}
