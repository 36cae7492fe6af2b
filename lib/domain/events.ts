/** The event vocabulary of API.md ("Ingest events"). */
export const EVENT_TYPES = [
  "case.started",
  "case.state_entered",
  "case.waiting",
  "step.attempted",
  "step.succeeded",
  "step.failed",
  "compensation.started",
  "compensation.completed",
  "case.completed",
  "case.failed",
  "case.cancelled",
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/** Types that must name the state they happened in. */
export const TYPES_WITH_STATE: ReadonlySet<EventType> = new Set([
  "case.state_entered",
  "case.waiting",
  "step.attempted",
  "step.succeeded",
  "step.failed",
]);

/** Types after which a case is no longer open (a failed case may still compensate later). */
export const FINISHING_TYPES: ReadonlySet<EventType> = new Set(["case.completed", "case.failed", "case.cancelled", "compensation.completed"]);

export const STEP_TYPES: ReadonlySet<EventType> = new Set(["step.attempted", "step.succeeded", "step.failed"]);

export const TYPES_WITH_ERROR: ReadonlySet<EventType> = new Set(["step.failed", "case.failed"]);

export type EventError = { code: string; message: string };

/** A stored event as the projection sees it; `seq` is the arrival order. */
export type CaseEvent = {
  seq: number;
  type: EventType;
  at: Date;
  processVersion?: string | null;
  state?: string | null;
  provider?: string | null;
  attempt?: number | null;
  idempotencyKey?: string | null;
  error?: EventError | null;
};

/** The projection's order: by `at`, ties by arrival (API.md). */
export function compareEvents(a: CaseEvent, b: CaseEvent): number {
  return a.at.getTime() - b.at.getTime() || a.seq - b.seq;
}
