import type { EventError } from "@/lib/domain/events";

export const CASE_STATUSES = [
  "running",
  "waiting",
  "completed",
  "failed",
  "compensating",
  "compensated",
  "cancelled",
] as const;

export type CaseStatus = (typeof CASE_STATUSES)[number];

export const OPEN_STATUSES: readonly CaseStatus[] = ["running", "waiting", "compensating"];
export const FINISHED_STATUSES: readonly CaseStatus[] = ["completed", "failed", "cancelled", "compensated"];

export function isOpen(status: CaseStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** What the events of one case say about it (PRODUCT.md, "Case"). */
export type CaseProjection = {
  status: CaseStatus;
  state: string | null;
  stateEnteredAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  version: string | null;
  provider: string | null;
  attempts: number;
  retries: number;
  compensations: number;
  lastError: EventError | null;
  lastIdempotencyKey: string | null;
  /** The state the last step event happened in: the key above belongs to that step. */
  lastStepState: string | null;
  eventCount: number;
};

/** The last event folded into a projection; later events can be folded on top of it. */
export type ProjectionCursor = { at: Date; seq: number };
