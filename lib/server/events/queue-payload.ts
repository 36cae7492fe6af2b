import "server-only";
import type { CaseEvent } from "@/lib/domain/events";
import { rowToEvent, type EventRow } from "@/lib/server/cases/case-row";

/** The event columns a projection_queue row carries (the projection's needs, no `data`). */
export const QUEUED_EVENT_COLUMNS = `seq, case_id, process_id, type, at, process_version, state, provider, attempt,
  idempotency_key, error_code, error_message`;

/** One accepted batch: its source and its inserted events, as json_agg wrote them. */
export type QueuePayload = { sourceId: string; events: Omit<EventRow, "source_id">[] };

export type ProjectableEvent = CaseEvent & { caseId: string; processId: string; sourceId: string };

export function toProjectable(row: EventRow): ProjectableEvent {
  return { ...rowToEvent(row), caseId: row.case_id, processId: row.process_id, sourceId: row.source_id };
}

export function eventsOf(payload: QueuePayload): ProjectableEvent[] {
  return payload.events.map((e) => toProjectable({ ...e, source_id: payload.sourceId }));
}
