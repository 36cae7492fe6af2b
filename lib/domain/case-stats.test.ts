import { describe, it, expect } from "vitest";
import type { CaseProjection } from "@/lib/domain/case";
import { projectCase } from "@/lib/domain/case-projection";
import { bucketDeltas, contributions, minuteOf, type BucketCounter } from "@/lib/domain/case-stats";
import type { CaseEvent } from "@/lib/domain/events";

const TARGET_SEC = 3600; // cycle-time target: 1 h

/** 2026-03-01 at hh:mm:ss.ms UTC. */
const t = (hhmm: string, sec = 0, ms = 0) =>
  new Date(`2026-03-01T${hhmm}:${String(sec).padStart(2, "0")}.${String(ms).padStart(3, "0")}Z`);
const minute = (hhmm: string) => t(hhmm).getTime();

function projection(overrides: Partial<CaseProjection> = {}): CaseProjection {
  return {
    status: "running",
    state: "kyc",
    stateEnteredAt: t("10:00", 30),
    startedAt: t("10:00", 30),
    finishedAt: null,
    version: "1.0.0",
    provider: null,
    attempts: 1,
    retries: 0,
    compensations: 0,
    lastError: null,
    lastIdempotencyKey: null,
    lastStepState: null,
    eventCount: 3,
    ...overrides,
  };
}

const counts = (partial: Partial<Record<BucketCounter, number>>): Record<BucketCounter, number> => ({
  started: 0,
  completed: 0,
  completedWithinTarget: 0,
  failed: 0,
  cancelled: 0,
  compensated: 0,
  retried: 0,
  ...partial,
});

describe("minuteOf", () => {
  it("floors an instant to the start of its minute", () => {
    expect(minuteOf(t("10:15", 59, 999))).toEqual(t("10:15"));
    expect(minuteOf(t("10:15", 0, 1))).toEqual(t("10:15"));
  });

  it("leaves an instant already on a minute unchanged", () => {
    expect(minuteOf(t("10:15"))).toEqual(t("10:15"));
  });

  it("floors instants before 1970 down, not toward zero", () => {
    expect(minuteOf(new Date("1969-12-31T23:59:30.000Z"))).toEqual(new Date("1969-12-31T23:59:00.000Z"));
  });
});

describe("contributions", () => {
  it("gives nothing for a case that does not exist", () => {
    expect(contributions(null, TARGET_SEC)).toEqual([]);
  });

  it("counts an open case as started in the minute it started", () => {
    expect(contributions(projection(), TARGET_SEC)).toEqual([[minute("10:00"), "started"]]);
  });

  it("gives nothing for an open case whose start was never seen", () => {
    expect(contributions(projection({ startedAt: null }), TARGET_SEC)).toEqual([]);
  });

  it("counts a case completed within the target as completed and within target, in the finish minute", () => {
    const c = projection({ status: "completed", finishedAt: t("10:40", 10) });
    expect(contributions(c, TARGET_SEC)).toEqual([
      [minute("10:00"), "started"],
      [minute("10:40"), "completed"],
      [minute("10:40"), "completedWithinTarget"],
    ]);
  });

  it("counts a case completed exactly at the target as within target", () => {
    const c = projection({ status: "completed", finishedAt: t("11:00", 30) });
    expect(contributions(c, TARGET_SEC)).toContainEqual([minute("11:00"), "completedWithinTarget"]);
  });

  it("does not count a case completed one millisecond over the target as within target", () => {
    const c = projection({ status: "completed", finishedAt: t("11:00", 30, 1) });
    expect(contributions(c, TARGET_SEC)).toEqual([
      [minute("10:00"), "started"],
      [minute("11:00"), "completed"],
    ]);
  });

  it("does not count a completion as within target when the start is unknown", () => {
    const c = projection({ status: "completed", startedAt: null, finishedAt: t("10:05") });
    expect(contributions(c, TARGET_SEC)).toEqual([[minute("10:05"), "completed"]]);
  });

  it("counts a failed case as failed in the finish minute", () => {
    const c = projection({ status: "failed", finishedAt: t("10:20", 5) });
    expect(contributions(c, TARGET_SEC)).toEqual([
      [minute("10:00"), "started"],
      [minute("10:20"), "failed"],
    ]);
  });

  it("counts a compensated case as failed and as compensated", () => {
    const c = projection({ status: "compensated", compensations: 1, finishedAt: t("10:25", 45) });
    expect(contributions(c, TARGET_SEC)).toEqual([
      [minute("10:00"), "started"],
      [minute("10:25"), "failed"],
      [minute("10:25"), "compensated"],
    ]);
  });

  it("counts a cancelled case as cancelled, not failed or completed", () => {
    const c = projection({ status: "cancelled", finishedAt: t("10:30") });
    expect(contributions(c, TARGET_SEC)).toEqual([
      [minute("10:00"), "started"],
      [minute("10:30"), "cancelled"],
    ]);
  });

  it("counts a finished case that needed a retry as retried, in the finish minute", () => {
    expect(contributions(projection({ status: "completed", retries: 2, finishedAt: t("10:10") }), TARGET_SEC)).toEqual([
      [minute("10:00"), "started"],
      [minute("10:10"), "completed"],
      [minute("10:10"), "completedWithinTarget"],
      [minute("10:10"), "retried"],
    ]);
    expect(contributions(projection({ status: "failed", retries: 1, finishedAt: t("10:12") }), TARGET_SEC)).toContainEqual([
      minute("10:12"),
      "retried",
    ]);
  });

  it("does not count retries or compensations of a case that is still open", () => {
    const c = projection({ status: "compensating", retries: 3, compensations: 1 });
    expect(contributions(c, TARGET_SEC)).toEqual([[minute("10:00"), "started"]]);
  });
});

describe("bucketDeltas", () => {
  it("gives no delta for a case that did not change", () => {
    const c = projection({ status: "completed", retries: 1, finishedAt: t("10:40") });
    expect(bucketDeltas([{ before: c, after: { ...c, eventCount: 9 } }], TARGET_SEC)).toEqual([]);
  });

  it("gives no delta for an open case that moved to another state", () => {
    const before = projection();
    const after = projection({ state: "decision", stateEnteredAt: t("10:20"), eventCount: 5 });
    expect(bucketDeltas([{ before, after }], TARGET_SEC)).toEqual([]);
  });

  it("adds a start for a new case in the minute it started", () => {
    expect(bucketDeltas([{ before: null, after: projection() }], TARGET_SEC)).toEqual([
      { minute: t("10:00"), counts: counts({ started: 1 }) },
    ]);
  });

  it("adds the completion in the finish minute when an open case completes, without a second start", () => {
    const before = projection();
    const after = projection({ status: "completed", finishedAt: t("10:45", 20) });
    expect(bucketDeltas([{ before, after }], TARGET_SEC)).toEqual([
      { minute: t("10:45"), counts: counts({ completed: 1, completedWithinTarget: 1 }) },
    ]);
  });

  it("moves the outcome from the old minute to the new when a replay moves finishedAt", () => {
    const before = projection({ status: "completed", finishedAt: t("10:05", 50) });
    const after = projection({ status: "completed", finishedAt: t("10:07", 10) });
    expect(bucketDeltas([{ before, after }], TARGET_SEC)).toEqual([
      { minute: t("10:05"), counts: counts({ completed: -1, completedWithinTarget: -1 }) },
      { minute: t("10:07"), counts: counts({ completed: 1, completedWithinTarget: 1 }) },
    ]);
  });

  it("moves a completion out of target when a replay pushes it past the target", () => {
    const before = projection({ status: "completed", finishedAt: t("11:00", 30) });
    const after = projection({ status: "completed", finishedAt: t("11:01", 0) });
    expect(bucketDeltas([{ before, after }], TARGET_SEC)).toEqual([
      { minute: t("11:00"), counts: counts({ completed: -1, completedWithinTarget: -1 }) },
      { minute: t("11:01"), counts: counts({ completed: 1 }) },
    ]);
  });

  it("swaps the counters within a minute when a replay changes the outcome", () => {
    const before = projection({ status: "completed", finishedAt: t("10:30") });
    const after = projection({ status: "failed", finishedAt: t("10:30", 40) });
    expect(bucketDeltas([{ before, after }], TARGET_SEC)).toEqual([
      { minute: t("10:30"), counts: counts({ completed: -1, completedWithinTarget: -1, failed: 1 }) },
    ]);
  });

  it("takes the outcome back when a failed case reopens to compensate", () => {
    const before = projection({ status: "failed", retries: 1, finishedAt: t("10:30") });
    const after = projection({ status: "compensating", retries: 1, compensations: 1, finishedAt: null });
    expect(bucketDeltas([{ before, after }], TARGET_SEC)).toEqual([
      { minute: t("10:30"), counts: counts({ failed: -1, retried: -1 }) },
    ]);
  });

  it("adds up several cases per minute and lists the minutes in order", () => {
    const changes = [
      { before: null, after: projection({ startedAt: t("10:09", 1) }) },
      { before: projection(), after: projection({ status: "cancelled", finishedAt: t("10:09", 59) }) },
      { before: null, after: projection({ startedAt: t("10:02", 3) }) },
      { before: null, after: projection({ startedAt: t("10:09", 30) }) },
    ];
    expect(bucketDeltas(changes, TARGET_SEC)).toEqual([
      { minute: t("10:02"), counts: counts({ started: 1 }) },
      { minute: t("10:09"), counts: counts({ started: 2, cancelled: 1 }) },
    ]);
  });

  it("leaves out a minute whose changes cancel out across cases", () => {
    const changes = [
      { before: projection({ status: "completed", finishedAt: t("10:30") }), after: projection() },
      { before: projection(), after: projection({ status: "completed", finishedAt: t("10:30", 15) }) },
    ];
    expect(bucketDeltas(changes, TARGET_SEC)).toEqual([]);
  });

  it("keeps buckets exact when a late event is replayed into a projected case", () => {
    const e = (seq: number, type: CaseEvent["type"], at: Date, extra: Partial<CaseEvent> = {}): CaseEvent => ({
      seq,
      type,
      at,
      ...extra,
    });
    const first = [
      e(1, "case.started", t("10:00", 10), { processVersion: "1.0.0" }),
      e(2, "case.completed", t("10:50")),
    ];
    // A compensation that happened before the completion arrives late.
    const late = [e(3, "compensation.started", t("10:20")), e(4, "compensation.completed", t("10:55", 5))];
    const before = projectCase(first);
    const after = projectCase([...first, ...late]);
    const deltas = bucketDeltas(
      [
        { before: null, after: before },
        { before, after },
      ],
      TARGET_SEC,
    );
    expect(deltas).toEqual([
      { minute: t("10:00"), counts: counts({ started: 1 }) },
      { minute: t("10:55"), counts: counts({ failed: 1, compensated: 1 }) },
    ]);
  });
});
