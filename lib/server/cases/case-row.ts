import type { CaseProjection, CaseStatus, ProjectionCursor } from "@/lib/domain/case";
import type { CaseBacklog } from "@/lib/domain/backlog";
import type { CaseEvent, EventType } from "@/lib/domain/events";

/** A `cases` row as the ingestion SQL reads it (snake_case, raw driver values). */
export type CaseRow = {
  id: string;
  process_id: string;
  status: CaseStatus;
  state: string | null;
  state_entered_at: Date | string;
  started_at: Date | string | null;
  finished_at: Date | string | null;
  version: string | null;
  provider: string | null;
  attempts: number;
  retries: number;
  compensations: number;
  last_error_code: string | null;
  last_error_message: string | null;
  last_idempotency_key: string | null;
  last_step_state: string | null;
  last_event_at: Date | string;
  last_event_seq: bigint | number | string;
  event_count: number;
  backlog_moves: CaseBacklog;
  intervened: boolean;
};

export const CASE_ROW_COLUMNS = `id, process_id, status::text AS status, state, state_entered_at, started_at, finished_at,
  version, provider, attempts, retries, compensations, last_error_code, last_error_message,
  last_idempotency_key, last_step_state, last_event_at, last_event_seq, event_count, backlog_moves, intervened`;

const date = (v: Date | string) => (v instanceof Date ? v : new Date(v));
const optionalDate = (v: Date | string | null) => (v === null ? null : date(v));

/** A row that ingestion inserted as a placeholder and no event has been folded into yet. */
export function isPlaceholder(row: CaseRow): boolean {
  return Number(row.event_count) === 0;
}

export function rowToProjection(row: CaseRow): { projection: CaseProjection; cursor: ProjectionCursor } | null {
  if (isPlaceholder(row)) return null;
  return {
    projection: {
      status: row.status,
      state: row.state,
      stateEnteredAt: date(row.state_entered_at),
      startedAt: optionalDate(row.started_at),
      finishedAt: optionalDate(row.finished_at),
      version: row.version,
      provider: row.provider,
      attempts: Number(row.attempts),
      retries: Number(row.retries),
      compensations: Number(row.compensations),
      lastError:
        row.last_error_code === null ? null : { code: row.last_error_code, message: row.last_error_message ?? "" },
      lastIdempotencyKey: row.last_idempotency_key,
      lastStepState: row.last_step_state,
      eventCount: Number(row.event_count),
    },
    cursor: { at: date(row.last_event_at), seq: Number(row.last_event_seq) },
  };
}

/** An `events` row as the replay query reads it. */
export type EventRow = {
  seq: bigint | number | string;
  source_id: string;
  case_id: string;
  process_id: string;
  type: string;
  at: Date | string;
  process_version: string | null;
  state: string | null;
  provider: string | null;
  attempt: number | null;
  idempotency_key: string | null;
  error_code: string | null;
  error_message: string | null;
};

const EVENT_ROW_FIELDS = [
  "seq", "source_id", "case_id", "process_id", "type", "at", "process_version", "state", "provider", "attempt",
  "idempotency_key", "error_code", "error_message",
];

/** The select list of an EventRow, optionally qualified by a table alias. */
export function eventRowColumns(alias?: string): string {
  return EVENT_ROW_FIELDS.map((f) => (alias ? `${alias}.${f}` : f)).join(", ");
}

export function rowToEvent(row: EventRow): CaseEvent {
  return {
    seq: Number(row.seq),
    type: row.type as EventType,
    at: date(row.at),
    processVersion: row.process_version,
    state: row.state,
    provider: row.provider,
    attempt: row.attempt === null ? null : Number(row.attempt),
    idempotencyKey: row.idempotency_key,
    error: row.error_code === null ? null : { code: row.error_code, message: row.error_message ?? "" },
  };
}
