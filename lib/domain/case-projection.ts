import type { CaseProjection, ProjectionCursor } from "@/lib/domain/case";
import { compareEvents, type CaseEvent } from "@/lib/domain/events";

/**
 * The case projection: a left fold of a case's events in `compareEvents` order.
 * Because the order is total and the fold is deterministic, the same events give the
 * same case whatever order they arrived in, and later events can be folded onto a
 * stored projection without reading the earlier ones again.
 */
export function projectCase(events: readonly CaseEvent[]): CaseProjection | null {
  return [...events].sort(compareEvents).reduce<CaseProjection | null>(applyEvent, null);
}

/** Folds `events` onto `current` when all of them sort after `cursor`; otherwise null (replay needed). */
export function foldAfter(
  current: CaseProjection | null,
  cursor: ProjectionCursor | null,
  events: readonly CaseEvent[],
): CaseProjection | null {
  if (!allAfter(cursor, events)) return null;
  return [...events].sort(compareEvents).reduce(applyEvent, current);
}

/** Whether every event sorts after the cursor, so they can be folded onto its projection. */
export function allAfter(cursor: ProjectionCursor | null, events: readonly CaseEvent[]): boolean {
  return cursor === null || events.every((e) => isAfter(e, cursor));
}

function isAfter(e: CaseEvent, cursor: ProjectionCursor): boolean {
  return e.at.getTime() > cursor.at.getTime() || (e.at.getTime() === cursor.at.getTime() && e.seq > cursor.seq);
}

/** The cursor after folding `events` onto a projection whose cursor was `previous`. */
export function advanceCursor(previous: ProjectionCursor | null, events: readonly CaseEvent[]): ProjectionCursor | null {
  return events.reduce<ProjectionCursor | null>(
    (last, e) => (!last || isAfter(e, last) ? { at: e.at, seq: e.seq } : last),
    previous,
  );
}

function initial(e: CaseEvent): CaseProjection {
  return {
    status: "running",
    state: null,
    stateEnteredAt: e.at,
    startedAt: null,
    finishedAt: null,
    version: null,
    provider: null,
    attempts: 0,
    retries: 0,
    compensations: 0,
    lastError: null,
    lastIdempotencyKey: null,
    lastStepState: null,
    eventCount: 0,
  };
}

/** Moves the case into `state` (a no-op when it is already there); the provider belongs to the old step. */
function enter(c: CaseProjection, state: string | null | undefined, at: Date): CaseProjection {
  if (!state || state === c.state) return c;
  return { ...c, state, stateEnteredAt: at, provider: null };
}

/** A step event: enters its state and records the provider and idempotency key it used. */
function step(c: CaseProjection, e: CaseEvent): CaseProjection {
  const entered = enter(c, e.state, e.at);
  return {
    ...entered,
    provider: e.provider ?? entered.provider,
    lastIdempotencyKey: e.idempotencyKey ?? entered.lastIdempotencyKey,
    lastStepState: entered.state,
  };
}

/** Running and waiting are the statuses plain progress may switch between. */
function progressing(c: CaseProjection): boolean {
  return c.status === "running" || c.status === "waiting";
}

export function applyEvent(current: CaseProjection | null, e: CaseEvent): CaseProjection {
  const c: CaseProjection = { ...(current ?? initial(e)), eventCount: (current?.eventCount ?? 0) + 1 };
  if (e.processVersion) c.version = e.processVersion;
  switch (e.type) {
    case "case.started":
      return enter({ ...c, startedAt: c.startedAt ?? e.at }, e.state, e.at);
    case "case.state_entered": {
      const entered = enter(c, e.state, e.at);
      return {
        ...entered,
        provider: e.provider ?? entered.provider,
        status: progressing(entered) ? "running" : entered.status,
      };
    }
    case "case.waiting": {
      const entered = enter(c, e.state, e.at);
      return { ...entered, status: progressing(entered) ? "waiting" : entered.status };
    }
    case "step.attempted": {
      const s = step(c, e);
      return {
        ...s,
        attempts: s.attempts + 1,
        retries: s.retries + ((e.attempt ?? 1) > 1 ? 1 : 0),
        status: progressing(s) ? "running" : s.status,
      };
    }
    case "step.succeeded":
      return step(c, e);
    case "step.failed":
      return { ...step(c, e), lastError: e.error ?? { code: "unknown", message: "step failed" } };
    case "compensation.started": {
      // Compensation reopens a finished case: its time in state starts again even when
      // it compensates in the state it finished in.
      const entered = enter(c, e.state, e.at);
      const reopened = entered === c && c.finishedAt !== null;
      return {
        ...entered,
        stateEnteredAt: reopened ? e.at : entered.stateEnteredAt,
        status: "compensating",
        compensations: c.compensations + 1,
        finishedAt: null,
      };
    }
    case "compensation.completed":
      return { ...c, status: "compensated", finishedAt: e.at };
    case "case.completed":
      return { ...c, status: "completed", finishedAt: e.at };
    case "case.failed":
      return { ...c, status: "failed", finishedAt: e.at, lastError: e.error ?? c.lastError };
    case "case.cancelled":
      return { ...c, status: "cancelled", finishedAt: e.at };
  }
}
