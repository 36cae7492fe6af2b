import { describe, it, expect } from "vitest";
import { seededRandom as mulberry32 } from "@/lib/domain/seeded-random";
import type { CaseProjection, ProjectionCursor } from "@/lib/domain/case";
import { advanceCursor, applyEvent, foldAfter, projectCase } from "@/lib/domain/case-projection";
import type { CaseEvent, EventType } from "@/lib/domain/events";

const T0 = Date.UTC(2026, 2, 1, 9, 0, 0);
/** An instant `min` minutes (and `ms` milliseconds) after T0. */
const at = (min: number, ms = 0) => new Date(T0 + min * 60_000 + ms);

/** Builds events with increasing arrival `seq` unless one is given. */
function events() {
  let seq = 0;
  return (type: EventType, min: number, extra: Partial<CaseEvent> = {}): CaseEvent => ({
    seq: ++seq,
    type,
    at: at(min),
    ...extra,
  });
}

function project(list: CaseEvent[]): CaseProjection {
  const p = projectCase(list);
  if (!p) throw new Error("expected a projection");
  return p;
}

describe("projectCase: the effect of each event type", () => {
  it("returns null for a case without events", () => {
    expect(projectCase([])).toBeNull();
  });

  it("case.started makes a running case with its start time, version and first state", () => {
    const ev = events();
    expect(project([ev("case.started", 0, { processVersion: "1.4.0", state: "intake" })])).toEqual({
      status: "running",
      state: "intake",
      stateEnteredAt: at(0),
      startedAt: at(0),
      finishedAt: null,
      version: "1.4.0",
      provider: null,
      attempts: 0,
      retries: 0,
      compensations: 0,
      lastError: null,
      lastIdempotencyKey: null,
      lastStepState: null,
      eventCount: 1,
    } satisfies CaseProjection);
  });

  it("case.started without a state leaves the state null and counts the time from the start", () => {
    const ev = events();
    const c = project([ev("case.started", 0, { processVersion: "1.0.0" })]);
    expect(c.state).toBeNull();
    expect(c.stateEnteredAt).toEqual(at(0));
  });

  it("a case whose first known event is not case.started has no start time", () => {
    const ev = events();
    const c = project([ev("case.state_entered", 5, { state: "kyc" })]);
    expect(c.startedAt).toBeNull();
    expect(c.status).toBe("running");
    expect(c.state).toBe("kyc");
    expect(c.stateEnteredAt).toEqual(at(5));
  });

  it("case.state_entered moves the case to the new state at the event's time", () => {
    const ev = events();
    const c = project([
      ev("case.started", 0, { processVersion: "1.0.0", state: "intake" }),
      ev("case.state_entered", 7, { state: "kyc" }),
    ]);
    expect(c.state).toBe("kyc");
    expect(c.stateEnteredAt).toEqual(at(7));
    expect(c.status).toBe("running");
  });

  it("re-entering the current state does not move stateEnteredAt", () => {
    const ev = events();
    const c = project([
      ev("case.started", 0, { processVersion: "1.0.0", state: "intake" }),
      ev("case.state_entered", 3, { state: "kyc" }),
      ev("case.state_entered", 9, { state: "kyc" }),
      ev("step.attempted", 12, { state: "kyc", attempt: 1 }),
      ev("case.waiting", 15, { state: "kyc" }),
    ]);
    expect(c.state).toBe("kyc");
    expect(c.stateEnteredAt).toEqual(at(3));
  });

  it("a step event in another state enters that state", () => {
    const ev = events();
    const c = project([
      ev("case.started", 0, { processVersion: "1.0.0", state: "intake" }),
      ev("step.attempted", 4, { state: "credit-check", attempt: 1, provider: "experian" }),
    ]);
    expect(c.state).toBe("credit-check");
    expect(c.stateEnteredAt).toEqual(at(4));
  });

  it("case.waiting sets status waiting and enters its state", () => {
    const ev = events();
    const c = project([
      ev("case.started", 0, { processVersion: "1.0.0", state: "intake" }),
      ev("case.waiting", 6, { state: "manual-review" }),
    ]);
    expect(c.status).toBe("waiting");
    expect(c.state).toBe("manual-review");
    expect(c.stateEnteredAt).toEqual(at(6));
  });

  it("case.state_entered after waiting makes the case running again", () => {
    const ev = events();
    const c = project([
      ev("case.started", 0, { processVersion: "1.0.0" }),
      ev("case.waiting", 1, { state: "manual-review" }),
      ev("case.state_entered", 2, { state: "decision" }),
    ]);
    expect(c.status).toBe("running");
  });

  it("a step attempt on a waiting case makes it running", () => {
    const ev = events();
    const c = project([
      ev("case.started", 0, { processVersion: "1.0.0" }),
      ev("case.waiting", 1, { state: "manual-review" }),
      ev("step.attempted", 2, { state: "manual-review", attempt: 1 }),
    ]);
    expect(c.status).toBe("running");
    expect(c.stateEnteredAt).toEqual(at(1));
  });

  it("step.succeeded and step.failed leave a waiting case waiting", () => {
    const ev = events();
    const base = [ev("case.started", 0, { processVersion: "1.0.0" }), ev("case.waiting", 1, { state: "review" })];
    expect(project([...base, ev("step.succeeded", 2, { state: "review" })]).status).toBe("waiting");
    expect(project([...base, ev("step.failed", 3, { state: "review" })]).status).toBe("waiting");
  });

  it("records the provider of a step and keeps it for later events of the same state without a provider", () => {
    const ev = events();
    const c = project([
      ev("case.started", 0, { processVersion: "1.0.0" }),
      ev("step.attempted", 1, { state: "credit-check", attempt: 1, provider: "experian" }),
      ev("step.failed", 2, { state: "credit-check", attempt: 1 }),
    ]);
    expect(c.provider).toBe("experian");
  });

  it("a later step in the same state with another provider replaces the provider", () => {
    const ev = events();
    const c = project([
      ev("case.started", 0, { processVersion: "1.0.0" }),
      ev("step.attempted", 1, { state: "credit-check", attempt: 1, provider: "experian" }),
      ev("step.attempted", 2, { state: "credit-check", attempt: 2, provider: "equifax" }),
    ]);
    expect(c.provider).toBe("equifax");
  });

  it("entering another state resets the provider of the previous step", () => {
    const ev = events();
    const c = project([
      ev("case.started", 0, { processVersion: "1.0.0" }),
      ev("step.attempted", 1, { state: "credit-check", attempt: 1, provider: "experian" }),
      ev("case.state_entered", 2, { state: "decision" }),
    ]);
    expect(c.provider).toBeNull();
  });

  it("a step in a new state without a provider resets the provider too", () => {
    const ev = events();
    const c = project([
      ev("case.started", 0, { processVersion: "1.0.0" }),
      ev("step.succeeded", 1, { state: "credit-check", provider: "experian" }),
      ev("step.attempted", 2, { state: "payout", attempt: 1 }),
    ]);
    expect(c.state).toBe("payout");
    expect(c.provider).toBeNull();
  });

  it("case.state_entered with a provider records it", () => {
    const ev = events();
    const c = project([
      ev("case.started", 0, { processVersion: "1.0.0" }),
      ev("case.state_entered", 1, { state: "payout", provider: "stripe" }),
    ]);
    expect(c.provider).toBe("stripe");
  });

  it("re-entering the same state keeps the provider when the event names none", () => {
    const ev = events();
    const c = project([
      ev("case.started", 0, { processVersion: "1.0.0" }),
      ev("step.attempted", 1, { state: "payout", attempt: 1, provider: "stripe" }),
      ev("case.state_entered", 2, { state: "payout" }),
    ]);
    expect(c.provider).toBe("stripe");
  });

  it("counts every step attempt, and attempts numbered above 1 as retries", () => {
    const ev = events();
    const c = project([
      ev("case.started", 0, { processVersion: "1.0.0" }),
      ev("step.attempted", 1, { state: "kyc", attempt: 1 }),
      ev("step.failed", 2, { state: "kyc", attempt: 1 }),
      ev("step.attempted", 3, { state: "kyc", attempt: 2 }),
      ev("step.failed", 4, { state: "kyc", attempt: 2 }),
      ev("step.attempted", 5, { state: "kyc", attempt: 3 }),
      ev("step.succeeded", 6, { state: "kyc", attempt: 3 }),
      ev("step.attempted", 7, { state: "payout", attempt: 1 }),
    ]);
    expect(c.attempts).toBe(4);
    expect(c.retries).toBe(2);
  });

  it("an attempt without a number counts as a first attempt, not a retry", () => {
    const ev = events();
    const c = project([ev("case.started", 0, { processVersion: "1.0.0" }), ev("step.attempted", 1, { state: "kyc" })]);
    expect(c.attempts).toBe(1);
    expect(c.retries).toBe(0);
  });

  it("step.succeeded and step.failed do not count as attempts", () => {
    const ev = events();
    const c = project([
      ev("case.started", 0, { processVersion: "1.0.0" }),
      ev("step.failed", 1, { state: "kyc", attempt: 2 }),
      ev("step.succeeded", 2, { state: "kyc", attempt: 3 }),
    ]);
    expect(c.attempts).toBe(0);
    expect(c.retries).toBe(0);
  });

  it("step.failed records its error as the last error, the latest failure winning", () => {
    const ev = events();
    const c = project([
      ev("case.started", 0, { processVersion: "1.0.0" }),
      ev("step.failed", 1, { state: "kyc", error: { code: "timeout", message: "provider timed out" } }),
      ev("step.failed", 2, { state: "kyc", error: { code: "http_503", message: "unavailable" } }),
    ]);
    expect(c.lastError).toEqual({ code: "http_503", message: "unavailable" });
  });

  it("step.failed without an error records an unknown error", () => {
    const ev = events();
    const c = project([ev("case.started", 0, { processVersion: "1.0.0" }), ev("step.failed", 1, { state: "kyc" })]);
    expect(c.lastError).toEqual({ code: "unknown", message: "step failed" });
  });

  it("a later success does not erase the last error", () => {
    const ev = events();
    const c = project([
      ev("case.started", 0, { processVersion: "1.0.0" }),
      ev("step.failed", 1, { state: "kyc", error: { code: "timeout", message: "t" } }),
      ev("step.succeeded", 2, { state: "kyc" }),
    ]);
    expect(c.lastError).toEqual({ code: "timeout", message: "t" });
  });

  it("records the idempotency key of the latest step event that carries one", () => {
    const ev = events();
    const c = project([
      ev("case.started", 0, { processVersion: "1.0.0" }),
      ev("step.attempted", 1, { state: "kyc", attempt: 1, idempotencyKey: "k-1" }),
      ev("step.attempted", 2, { state: "payout", attempt: 1, idempotencyKey: "k-2" }),
      ev("step.failed", 3, { state: "payout", attempt: 1 }),
      ev("case.state_entered", 4, { state: "decision" }),
    ]);
    expect(c.lastIdempotencyKey).toBe("k-2");
  });

  it("a later processVersion replaces the version; events without one keep it", () => {
    const ev = events();
    const c = project([
      ev("case.started", 0, { processVersion: "1.0.0" }),
      ev("case.state_entered", 1, { state: "kyc", processVersion: "1.1.0" }),
      ev("case.state_entered", 2, { state: "decision" }),
    ]);
    expect(c.version).toBe("1.1.0");
  });

  it("case.completed finishes the case at the event's time", () => {
    const ev = events();
    const c = project([ev("case.started", 0, { processVersion: "1.0.0" }), ev("case.completed", 30)]);
    expect(c.status).toBe("completed");
    expect(c.finishedAt).toEqual(at(30));
  });

  it("case.cancelled finishes the case as cancelled", () => {
    const ev = events();
    const c = project([ev("case.started", 0, { processVersion: "1.0.0" }), ev("case.cancelled", 30)]);
    expect(c.status).toBe("cancelled");
    expect(c.finishedAt).toEqual(at(30));
  });

  it("case.failed finishes the case as failed and records its error", () => {
    const ev = events();
    const c = project([
      ev("case.started", 0, { processVersion: "1.0.0" }),
      ev("step.failed", 1, { state: "kyc", error: { code: "timeout", message: "t" } }),
      ev("case.failed", 2, { error: { code: "gave_up", message: "too many failures" } }),
    ]);
    expect(c.status).toBe("failed");
    expect(c.finishedAt).toEqual(at(2));
    expect(c.lastError).toEqual({ code: "gave_up", message: "too many failures" });
  });

  it("case.failed without an error keeps the previous step error", () => {
    const ev = events();
    const c = project([
      ev("case.started", 0, { processVersion: "1.0.0" }),
      ev("step.failed", 1, { state: "kyc", error: { code: "timeout", message: "t" } }),
      ev("case.failed", 2),
    ]);
    expect(c.lastError).toEqual({ code: "timeout", message: "t" });
  });

  it("compensation.started makes the case compensating, counts it and enters its state", () => {
    const ev = events();
    const c = project([
      ev("case.started", 0, { processVersion: "1.0.0", state: "payout" }),
      ev("compensation.started", 5, { state: "refund" }),
    ]);
    expect(c.status).toBe("compensating");
    expect(c.compensations).toBe(1);
    expect(c.state).toBe("refund");
    expect(c.stateEnteredAt).toEqual(at(5));
    expect(c.finishedAt).toBeNull();
  });

  it("compensation.started then compensation.completed ends compensated at the completion", () => {
    const ev = events();
    const c = project([
      ev("case.started", 0, { processVersion: "1.0.0", state: "payout" }),
      ev("compensation.started", 5),
      ev("compensation.completed", 9),
    ]);
    expect(c.status).toBe("compensated");
    expect(c.compensations).toBe(1);
    expect(c.finishedAt).toEqual(at(9));
    expect(c.state).toBe("payout");
  });

  it("a failed case reopens while compensating and finishes again when compensated", () => {
    const ev = events();
    const started = ev("case.started", 0, { processVersion: "1.0.0", state: "payout" });
    const failed = ev("case.failed", 10, { error: { code: "declined", message: "card declined" } });
    const compensating = ev("compensation.started", 12, { state: "refund" });
    const compensated = ev("compensation.completed", 20);

    const afterFailure = project([started, failed]);
    expect(afterFailure.status).toBe("failed");
    expect(afterFailure.finishedAt).toEqual(at(10));

    const whileCompensating = project([started, failed, compensating]);
    expect(whileCompensating.status).toBe("compensating");
    expect(whileCompensating.finishedAt).toBeNull();

    const done = project([started, failed, compensating, compensated]);
    expect(done.status).toBe("compensated");
    expect(done.finishedAt).toEqual(at(20));
    expect(done.compensations).toBe(1);
    expect(done.lastError).toEqual({ code: "declined", message: "card declined" });
  });

  it("progress events after a terminal event do not reopen the case", () => {
    const ev = events();
    const c = project([
      ev("case.started", 0, { processVersion: "1.0.0" }),
      ev("case.completed", 5),
      ev("case.state_entered", 6, { state: "archive" }),
      ev("case.waiting", 7, { state: "archive" }),
      ev("step.attempted", 8, { state: "archive", attempt: 1 }),
    ]);
    expect(c.status).toBe("completed");
    expect(c.finishedAt).toEqual(at(5));
  });

  it("only the first case.started sets the start time", () => {
    const ev = events();
    const c = project([
      ev("case.started", 0, { processVersion: "1.0.0" }),
      ev("case.started", 4, { processVersion: "1.0.0" }),
    ]);
    expect(c.startedAt).toEqual(at(0));
  });

  it("counts every event folded", () => {
    const ev = events();
    const c = project([
      ev("case.started", 0, { processVersion: "1.0.0" }),
      ev("case.state_entered", 1, { state: "kyc" }),
      ev("case.state_entered", 2, { state: "kyc" }),
      ev("case.completed", 3),
    ]);
    expect(c.eventCount).toBe(4);
  });

  it("folds events by `at`, whatever order the array and the seqs are in", () => {
    const list: CaseEvent[] = [
      { seq: 1, type: "case.completed", at: at(30) },
      { seq: 2, type: "case.state_entered", at: at(10), state: "kyc" },
      { seq: 3, type: "case.started", at: at(0), processVersion: "1.0.0", state: "intake" },
    ];
    const c = project(list);
    expect(c.status).toBe("completed");
    expect(c.state).toBe("kyc");
    expect(c.startedAt).toEqual(at(0));
    expect(c.stateEnteredAt).toEqual(at(10));
    expect(project([...list].reverse())).toEqual(c);
  });

  it("resolves events at the same `at` by arrival seq", () => {
    const started: CaseEvent = { seq: 1, type: "case.started", at: at(0), processVersion: "1.0.0" };
    const toKyc = (seq: number): CaseEvent => ({ seq, type: "case.state_entered", at: at(5), state: "kyc" });
    const toReview = (seq: number): CaseEvent => ({ seq, type: "case.state_entered", at: at(5), state: "review" });

    expect(project([started, toReview(3), toKyc(2)]).state).toBe("review");
    expect(project([started, toKyc(3), toReview(2)]).state).toBe("kyc");
  });

  it("at the same `at`, a terminal event that arrived first is overridden by a later compensation", () => {
    const started: CaseEvent = { seq: 1, type: "case.started", at: at(0), processVersion: "1.0.0" };
    const failed = (seq: number): CaseEvent => ({ seq, type: "case.failed", at: at(5) });
    const compensation = (seq: number): CaseEvent => ({ seq, type: "compensation.started", at: at(5) });

    expect(project([started, compensation(3), failed(2)]).status).toBe("compensating");
    expect(project([started, compensation(2), failed(3)]).status).toBe("failed");
  });

  it("does not reorder the caller's array", () => {
    const list: CaseEvent[] = [
      { seq: 2, type: "case.completed", at: at(3) },
      { seq: 1, type: "case.started", at: at(0), processVersion: "1.0.0" },
    ];
    projectCase(list);
    expect(list.map((e) => e.seq)).toEqual([2, 1]);
  });

  it("applyEvent does not mutate the projection it folds onto", () => {
    const ev = events();
    const before = project([
      ev("case.started", 0, { processVersion: "1.0.0", state: "kyc" }),
      ev("step.attempted", 1, { state: "kyc", attempt: 1, provider: "experian", idempotencyKey: "k" }),
    ]);
    const snapshot = structuredClone(before);
    Object.freeze(before);
    applyEvent(before, ev("step.attempted", 2, { state: "payout", attempt: 2, processVersion: "2.0.0" }));
    applyEvent(before, ev("compensation.started", 3, { state: "refund" }));
    expect(before).toEqual(snapshot);
  });
});

describe("foldAfter and advanceCursor", () => {
  const started: CaseEvent = { seq: 1, type: "case.started", at: at(0), processVersion: "1.0.0", state: "intake" };
  const kyc: CaseEvent = { seq: 5, type: "case.state_entered", at: at(10), state: "kyc" };
  const cursor: ProjectionCursor = { at: at(10), seq: 5 };

  it("folds events that sort after the cursor onto the stored projection", () => {
    const stored = project([started, kyc]);
    const later: CaseEvent = { seq: 6, type: "case.completed", at: at(20) };
    expect(foldAfter(stored, cursor, [later])).toEqual(project([started, kyc, later]));
  });

  it("folds an event at the cursor's `at` that arrived later", () => {
    const stored = project([started, kyc]);
    const sameInstant: CaseEvent = { seq: 6, type: "case.state_entered", at: at(10), state: "review" };
    const folded = foldAfter(stored, cursor, [sameInstant]);
    expect(folded?.state).toBe("review");
  });

  it("returns null when an event is earlier than the cursor", () => {
    const stored = project([started, kyc]);
    const earlier: CaseEvent = { seq: 6, type: "case.waiting", at: at(9), state: "intake" };
    expect(foldAfter(stored, cursor, [earlier])).toBeNull();
  });

  it("returns null when an event has the cursor's `at` but an earlier seq", () => {
    const stored = project([started, kyc]);
    const tie: CaseEvent = { seq: 4, type: "case.state_entered", at: at(10), state: "review" };
    expect(foldAfter(stored, cursor, [tie])).toBeNull();
  });

  it("returns null when one event of the batch is before the cursor, even if the rest are after", () => {
    const stored = project([started, kyc]);
    const batch: CaseEvent[] = [
      { seq: 7, type: "case.completed", at: at(30) },
      { seq: 6, type: "case.waiting", at: at(2), state: "intake" },
    ];
    expect(foldAfter(stored, cursor, batch)).toBeNull();
  });

  it("folds from nothing when there is no cursor, sorting the batch", () => {
    const later: CaseEvent = { seq: 2, type: "case.completed", at: at(20) };
    expect(foldAfter(null, null, [later, kyc, started])).toEqual(project([started, kyc, later]));
  });

  it("advanceCursor moves to the event that sorts last, by `at` then seq", () => {
    const batch: CaseEvent[] = [
      { seq: 9, type: "case.state_entered", at: at(12), state: "a" },
      { seq: 8, type: "case.state_entered", at: at(15), state: "b" },
      { seq: 10, type: "case.state_entered", at: at(15), state: "c" },
      { seq: 11, type: "case.state_entered", at: at(11), state: "d" },
    ];
    expect(advanceCursor(cursor, batch)).toEqual({ at: at(15), seq: 10 });
  });

  it("advanceCursor keeps the previous cursor when no event sorts after it", () => {
    expect(advanceCursor(cursor, [])).toEqual(cursor);
    expect(advanceCursor(cursor, [{ seq: 3, type: "case.waiting", at: at(1), state: "x" }])).toEqual(cursor);
  });

  it("advanceCursor of nothing from no cursor is null", () => {
    expect(advanceCursor(null, [])).toBeNull();
  });
});

/* ---------------------------------------------------------------------------------
 * Property: the projection does not depend on arrival order, duplicates or batching.
 * ------------------------------------------------------------------------------- */

type Rand = () => number;


const int = (rand: Rand, min: number, max: number) => min + Math.floor(rand() * (max - min + 1));

function pick<T>(rand: Rand, list: readonly T[]): T {
  const value = list[Math.floor(rand() * list.length)];
  if (value === undefined) throw new Error("pick from an empty list");
  return value;
}

function shuffle<T>(rand: Rand, list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** An event as the engine sends it: its id is the dedupe key, it has no seq yet. */
type IncomingEvent = Omit<CaseEvent, "seq"> & { id: string };

type Ending = "open" | "completed" | "failed" | "cancelled" | "compensated" | "failed-then-compensated" | "failed-then-compensating";
const ENDINGS: readonly Ending[] = [
  "open",
  "completed",
  "completed",
  "failed",
  "cancelled",
  "compensated",
  "failed-then-compensated",
  "failed-then-compensating",
];

const STATES = ["intake", "kyc", "credit-check", "manual-review", "decision", "payout"] as const;
const PROVIDERS = ["experian", "equifax", "stripe", "adyen", "docusign"] as const;
const VERSIONS = ["1.0.0", "1.4.0", "2.0.0-rc.1"] as const;
const ERRORS = [
  { code: "timeout", message: "provider timed out" },
  { code: "http_503", message: "service unavailable" },
  { code: "declined", message: "rejected by provider" },
] as const;

type Stream = { events: IncomingEvent[]; ending: Ending };

/** A realistic history of one case, in `at` order with strictly increasing distinct timestamps. */
function generateStream(rand: Rand, caseNo: number): Stream {
  let t = T0 + int(rand, 0, 30 * 24 * 60) * 60_000 + int(rand, 0, 999);
  const events: IncomingEvent[] = [];
  const push = (e: Omit<IncomingEvent, "id" | "at">) => {
    t += int(rand, 1, 15 * 60_000);
    events.push({ id: `case-${caseNo}/event-${events.length}`, at: new Date(t), ...e });
  };
  const maybe = <T>(p: number, value: T): T | null => (rand() < p ? value : null);

  push({ type: "case.started", processVersion: pick(rand, VERSIONS), state: maybe(0.5, pick(rand, STATES)) });
  const visits = int(rand, 1, 5);
  for (let v = 0; v < visits; v++) {
    const state = pick(rand, STATES); // may repeat the current state: a re-entry
    if (rand() < 0.6) {
      push({
        type: "case.state_entered",
        state,
        provider: maybe(0.2, pick(rand, PROVIDERS)),
        processVersion: maybe(0.1, pick(rand, VERSIONS)),
      });
    }
    if (rand() < 0.25) push({ type: "case.waiting", state });
    const steps = int(rand, 0, 2);
    for (let s = 0; s < steps; s++) {
      const attempts = int(rand, 1, 4);
      const key = `case-${caseNo}/${state}/${v}.${s}`;
      for (let attempt = 1; attempt <= attempts; attempt++) {
        const provider = maybe(0.85, pick(rand, PROVIDERS));
        const idempotencyKey = rand() < 0.8 ? key : maybe(0.5, `${key}#${attempt}`);
        push({ type: "step.attempted", state, provider, attempt, idempotencyKey });
        const last = attempt === attempts;
        if (!last || rand() < 0.2) {
          push({ type: "step.failed", state, provider, attempt, idempotencyKey, error: maybe(0.9, pick(rand, ERRORS)) });
        } else if (rand() < 0.9) {
          push({ type: "step.succeeded", state, provider: maybe(0.5, provider), attempt, idempotencyKey });
        }
      }
    }
  }

  const ending = pick(rand, ENDINGS);
  const compensate = () => push({ type: "compensation.started", state: maybe(0.6, "compensate") });
  switch (ending) {
    case "open":
      break;
    case "completed":
      push({ type: "case.completed" });
      break;
    case "cancelled":
      push({ type: "case.cancelled" });
      break;
    case "failed":
      push({ type: "case.failed", error: maybe(0.7, pick(rand, ERRORS)) });
      break;
    case "compensated":
      compensate();
      push({ type: "compensation.completed" });
      break;
    case "failed-then-compensated":
      push({ type: "case.failed", error: pick(rand, ERRORS) });
      compensate();
      push({ type: "compensation.completed" });
      break;
    case "failed-then-compensating":
      push({ type: "case.failed", error: pick(rand, ERRORS) });
      compensate();
      break;
  }
  return { events, ending };
}

/** A shuffled arrival order with a few events delivered again (duplicates share the id). */
function arrivalOrder(rand: Rand, events: readonly IncomingEvent[]): IncomingEvent[] {
  const order = shuffle(rand, events);
  const duplicates = int(rand, 0, 4);
  for (let d = 0; d < duplicates; d++) {
    const original = pick(rand, events);
    order.splice(int(rand, 0, order.length), 0, { ...original, at: new Date(original.at) });
  }
  return order;
}

function toCaseEvent(e: IncomingEvent, seq: number): CaseEvent {
  return {
    seq,
    type: e.type,
    at: e.at,
    processVersion: e.processVersion ?? null,
    state: e.state ?? null,
    provider: e.provider ?? null,
    attempt: e.attempt ?? null,
    idempotencyKey: e.idempotencyKey ?? null,
    error: e.error ?? null,
  };
}

/** What storage keeps: the first arrival of each id, with seq = its arrival position. */
function store(arrivals: readonly IncomingEvent[]): CaseEvent[] {
  const seen = new Set<string>();
  const stored: CaseEvent[] = [];
  arrivals.forEach((e, position) => {
    if (seen.has(e.id)) return;
    seen.add(e.id);
    stored.push(toCaseEvent(e, position + 1));
  });
  return stored;
}

type Ingestion = { projection: CaseProjection | null; folds: number; replays: number; steps: string[] };

/**
 * Ingestion as lib/server/events/ingest-events.ts does it, batch by batch: store the
 * new events, fold them onto the stored projection after its cursor, or replay every
 * stored event when foldAfter says one sorts before the cursor.
 */
function ingestInBatches(rand: Rand, arrivals: readonly IncomingEvent[]): Ingestion {
  const seen = new Set<string>();
  const stored: CaseEvent[] = [];
  let projection: CaseProjection | null = null;
  let cursor: ProjectionCursor | null = null;
  let folds = 0;
  let replays = 0;
  const steps: string[] = [];
  for (let position = 0; position < arrivals.length; ) {
    const size = int(rand, 1, 6);
    const accepted: CaseEvent[] = [];
    arrivals.slice(position, position + size).forEach((e, k) => {
      if (seen.has(e.id)) return;
      seen.add(e.id);
      accepted.push(toCaseEvent(e, position + k + 1));
    });
    position += size;
    if (accepted.length === 0) continue;
    stored.push(...accepted);
    const folded = foldAfter(projection, cursor, accepted);
    if (folded === null) {
      projection = projectCase(stored);
      cursor = advanceCursor(null, stored);
      replays++;
    } else {
      projection = folded;
      cursor = advanceCursor(cursor, accepted);
      folds++;
    }
    // Every intermediate state must also be what a full replay of the stored events gives.
    if (JSON.stringify(projection) !== JSON.stringify(projectCase(stored))) {
      steps.push(`after ${stored.length} events (${folded === null ? "replay" : "fold"})`);
    }
  }
  return { projection, folds, replays, steps };
}

/** What the generated history must give, read off the stream independently of the fold. */
function expectSane(p: CaseProjection, { events, ending }: Stream, label: string) {
  const first = events[0]!;
  const last = events[events.length - 1]!;
  expect(p.eventCount, label).toBe(events.length);
  expect(p.startedAt, label).toEqual(first.at);
  expect(p.attempts, label).toBe(events.filter((e) => e.type === "step.attempted").length);
  expect(p.retries, label).toBe(events.filter((e) => e.type === "step.attempted" && (e.attempt ?? 1) > 1).length);
  expect(p.compensations, label).toBe(events.filter((e) => e.type === "compensation.started").length);
  const expectedStatus = {
    open: null,
    completed: "completed",
    failed: "failed",
    cancelled: "cancelled",
    compensated: "compensated",
    "failed-then-compensated": "compensated",
    "failed-then-compensating": "compensating",
  }[ending];
  if (expectedStatus === null) {
    expect(["running", "waiting"], label).toContain(p.status);
    expect(p.finishedAt, label).toBeNull();
  } else {
    expect(p.status, label).toBe(expectedStatus);
    expect(p.finishedAt, label).toEqual(expectedStatus === "compensating" ? null : last.at);
  }
}

describe("projectCase is independent of arrival order, duplicates and batching (seeded property)", () => {
  const STREAMS = 250;
  const ORDERS_PER_STREAM = 5;
  const SEED = 0xf10d3c;
  const generator = mulberry32(SEED);
  const streams = Array.from({ length: STREAMS }, (_, i) => generateStream(generator, i));

  it("generates distinct, realistic streams with strictly increasing timestamps", () => {
    const distinct = new Set(streams.map((s) => JSON.stringify(s.events.map(({ id: _id, ...rest }) => rest))));
    expect(distinct.size).toBe(STREAMS);
    for (const { events } of streams) {
      for (let i = 1; i < events.length; i++) expect(events[i]!.at.getTime()).toBeGreaterThan(events[i - 1]!.at.getTime());
    }
    const endings = new Set(streams.map((s) => s.ending));
    expect(endings.size).toBe(new Set(ENDINGS).size);
    expect(streams.some((s) => s.events.some((e) => e.type === "step.attempted" && (e.attempt ?? 1) > 1))).toBe(true);
  });

  it("gives the same projection for every arrival order of the same events, with duplicates", () => {
    const rand = mulberry32(SEED + 1);
    let orders = 0;
    streams.forEach((stream, i) => {
      const reference = project(store(stream.events));
      expectSane(reference, stream, `stream ${i}`);
      for (let k = 0; k < ORDERS_PER_STREAM; k++) {
        const arrivals = arrivalOrder(rand, stream.events);
        expect(project(store(arrivals)), `stream ${i}, order ${k}`).toEqual(reference);
        orders++;
      }
    });
    expect(orders).toBeGreaterThanOrEqual(1000);
  });

  it("folding arrival batches with foldAfter (replaying on null) ends at the same projection", () => {
    const rand = mulberry32(SEED + 2);
    let folds = 0;
    let replays = 0;
    let orders = 0;
    streams.forEach((stream, i) => {
      const reference = project(store(stream.events));
      // In-order arrival (always folds) plus shuffled arrivals with duplicates (often replays).
      const orderings = [stream.events, ...Array.from({ length: ORDERS_PER_STREAM }, () => arrivalOrder(rand, stream.events))];
      orderings.forEach((arrivals, k) => {
        const result = ingestInBatches(rand, arrivals);
        const label = `stream ${i}, order ${k}`;
        expect(result.steps, label).toEqual([]);
        expect(result.projection, label).toEqual(reference);
        folds += result.folds;
        replays += result.replays;
        orders++;
      });
    });
    expect(orders).toBeGreaterThanOrEqual(1000);
    // Both paths of ingestion were exercised many times.
    expect(folds).toBeGreaterThan(1000);
    expect(replays).toBeGreaterThan(1000);
  });

  it("folding batches gives the same projection when several events share an `at`", () => {
    const ties = mulberry32(SEED + 3);
    for (let n = 0; n < 50; n++) {
      const { events } = generateStream(ties, 10_000 + n);
      // Collapse timestamps onto a few instants so ties are common; arrival order then decides.
      const collapsed = events.map((e, i) => ({ ...e, at: new Date(T0 + Math.floor(i / 3) * 60_000) }));
      for (let k = 0; k < 4; k++) {
        const arrivals = arrivalOrder(ties, collapsed);
        const result = ingestInBatches(ties, arrivals);
        expect(result.steps, `tie stream ${n}, order ${k}`).toEqual([]);
        expect(result.projection, `tie stream ${n}, order ${k}`).toEqual(projectCase(store(arrivals)));
      }
    }
  });
});
