import { describe, it, expect } from "vitest";
import type { CaseProjection } from "@/lib/domain/case";
import { projectCase } from "@/lib/domain/case-projection";
import {
  BUCKET_COUNTERS,
  CYCLE_TARGETS,
  CYCLE_TARGET_SECONDS,
  bucketDeltas,
  contributions,
  cycleCounterFor,
  emptyCounts,
  hourOf,
  hourlyDeltas,
  minuteOf,
  type BucketCounter,
  type BucketDelta,
  type Counts,
  type CycleCounter,
} from "@/lib/domain/case-stats";
import type { CaseEvent } from "@/lib/domain/events";

/** 2026-03-01 at hh:mm:ss.ms UTC. */
const t = (hhmm: string, sec = 0, ms = 0) =>
  new Date(`2026-03-01T${hhmm}:${String(sec).padStart(2, "0")}.${String(ms).padStart(3, "0")}Z`);
const minute = (hhmm: string) => t(hhmm).getTime();
/** The start of the minute of an instant, computed here rather than with minuteOf. */
const floorMinute = (at: Date) => Math.floor(at.getTime() / 60_000) * 60_000;

const V = "1.0.0";

/** The cycle-time targets as the SLO settings and the bucket columns expect them, smallest first. */
const TARGETS: [CycleCounter, number][] = [
  ["within15m", 900],
  ["within30m", 1800],
  ["within1h", 3600],
  ["within2h", 7200],
  ["within4h", 14400],
  ["within8h", 28800],
  ["within12h", 43200],
  ["within1d", 86400],
  ["within2d", 172800],
  ["within3d", 259200],
  ["within7d", 604800],
];
const ALL_WITHIN = TARGETS.map(([name]) => name);
/** The target counters from `name` up: the ones a cycle time fitting `name` also fits. */
const withinFrom = (name: CycleCounter) => ALL_WITHIN.slice(ALL_WITHIN.indexOf(name));

function projection(overrides: Partial<CaseProjection> = {}): CaseProjection {
  return {
    status: "running",
    state: "kyc",
    stateEnteredAt: t("10:00", 30),
    startedAt: t("10:00", 30),
    finishedAt: null,
    version: V,
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

type Contribution = [version: string, minute: number, counter: BucketCounter];

const byContribution = (a: Contribution, b: Contribution) =>
  a[1] - b[1] || a[0].localeCompare(b[0]) || a[2].localeCompare(b[2]);

/** Compares contributions as a multiset: their order does not matter, duplicates do. */
function expectContributions(actual: Contribution[], expected: Contribution[]) {
  expect([...actual].sort(byContribution)).toEqual([...expected].sort(byContribution));
}

/** Contributions of `counters` in one version and minute. */
const at = (version: string, min: number, ...counters: BucketCounter[]): Contribution[] =>
  counters.map((counter) => [version, min, counter]);

const counts = (partial: Partial<Counts>): Counts => {
  const all = Object.fromEntries(
    [
      "started",
      "finished",
      "completed",
      "failed",
      "cancelled",
      "retried",
      "compensated",
      "badOutcome",
      ...ALL_WITHIN,
    ].map((k) => [k, 0]),
  ) as Counts;
  return { ...all, ...partial };
};
/** Counts of 1 (or `n`) for each of `counters`, on top of `base`. */
const ones = (counters: BucketCounter[], n = 1, base: Partial<Counts> = {}): Partial<Counts> => ({
  ...base,
  ...Object.fromEntries(counters.map((k) => [k, n])),
});

const delta = (version: string, min: Date, partial: Partial<Counts>): BucketDelta => ({
  version,
  minute: min,
  counts: counts(partial),
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

describe("hourOf", () => {
  it("floors an instant to the start of its hour", () => {
    expect(hourOf(t("10:59", 59, 999))).toEqual(t("10:00"));
    expect(hourOf(t("10:00", 0, 1))).toEqual(t("10:00"));
    expect(hourOf(t("23:30"))).toEqual(t("23:00"));
  });

  it("leaves an instant already on an hour unchanged", () => {
    expect(hourOf(t("10:00"))).toEqual(t("10:00"));
  });

  it("floors instants before 1970 down, not toward zero", () => {
    expect(hourOf(new Date("1969-12-31T23:30:00.000Z"))).toEqual(new Date("1969-12-31T23:00:00.000Z"));
  });
});

describe("counters", () => {
  it("has one cycle-time target per SLO choice, smallest first", () => {
    expect(CYCLE_TARGETS.map(([name, sec]) => [name, sec])).toEqual(TARGETS);
    expect(CYCLE_TARGET_SECONDS).toEqual(TARGETS.map(([, sec]) => sec));
  });

  it("has the bucket counters of the stat tables, the cycle-time targets included", () => {
    expect([...BUCKET_COUNTERS].sort()).toEqual(
      ["started", "finished", "completed", "failed", "cancelled", "retried", "compensated", "badOutcome", ...ALL_WITHIN].sort(),
    );
  });

  it("starts every counter at zero, in a fresh record each time", () => {
    const a = emptyCounts();
    expect(a).toEqual(counts({}));
    a.started = 5;
    expect(emptyCounts().started).toBe(0);
  });
});

describe("cycleCounterFor", () => {
  it.each(TARGETS)("gives %s for its target", (name, sec) => {
    expect(cycleCounterFor(sec)).toBe(name);
  });

  it.each([0, 1, 60, 899, 901, 3599, 3601, 5400, 2.5 * 3600, 6 * 86400, 14 * 86400, -900, 900.5, NaN, Infinity])(
    "gives null for %s seconds, which is no target",
    (sec) => {
      expect(cycleCounterFor(sec)).toBeNull();
    },
  );
});

describe("contributions", () => {
  it("gives nothing for a case that does not exist", () => {
    expect(contributions(null, false)).toEqual([]);
    expect(contributions(null, true)).toEqual([]);
  });

  it("counts an open case only as started, in its version and the minute it started", () => {
    expect(contributions(projection(), false)).toEqual([[V, minute("10:00"), "started"]]);
  });

  it("counts an open case only as started even when an operator intervened", () => {
    expect(contributions(projection({ status: "waiting" }), true)).toEqual([[V, minute("10:00"), "started"]]);
  });

  it("gives nothing for an open case whose start was never seen", () => {
    expect(contributions(projection({ startedAt: null }), false)).toEqual([]);
  });

  it("keys a case without a version under the empty version", () => {
    expect(contributions(projection({ version: null }), false)).toEqual([["", minute("10:00"), "started"]]);
    const done = projection({ version: null, status: "failed", finishedAt: t("10:20") });
    expect(contributions(done, false).every(([version]) => version === "")).toBe(true);
  });

  it("counts a case completed within 15 minutes as completed, finished and within every target", () => {
    const c = projection({ status: "completed", finishedAt: t("10:10", 10) });
    expectContributions(contributions(c, false), [
      ...at(V, minute("10:00"), "started"),
      ...at(V, minute("10:10"), "completed", "finished", ...ALL_WITHIN),
    ]);
  });

  it.each(TARGETS)("counts a case completed exactly at %s (%i s) within it and every larger target", (name, sec) => {
    const start = t("10:00", 30);
    const finish = new Date(start.getTime() + sec * 1000);
    const c = projection({ status: "completed", startedAt: start, finishedAt: finish });
    expectContributions(contributions(c, false), [
      ...at(V, minute("10:00"), "started"),
      ...at(V, floorMinute(finish), "completed", "finished", ...withinFrom(name)),
    ]);
  });

  it.each(TARGETS.map(([name, sec], i) => [name, sec, TARGETS[i + 1]?.[0]] as const))(
    "does not count a case completed 1 ms over %s (%i s) within it, only within the larger targets",
    (_name, sec, next) => {
      const start = t("10:00", 30);
      const finish = new Date(start.getTime() + sec * 1000 + 1);
      const c = projection({ status: "completed", startedAt: start, finishedAt: finish });
      expectContributions(contributions(c, false), [
        ...at(V, minute("10:00"), "started"),
        ...at(V, floorMinute(finish), "completed", "finished", ...(next ? withinFrom(next) : [])),
      ]);
    },
  );

  it("counts a case completed 45 minutes after its start within 1 h and up, not within 15 or 30 min", () => {
    const c = projection({ status: "completed", finishedAt: t("10:45", 30) });
    const counters = contributions(c, false).map(([, , counter]) => counter);
    expect(counters).toContain("within1h");
    expect(counters).toContain("within7d");
    expect(counters).not.toContain("within15m");
    expect(counters).not.toContain("within30m");
  });

  it("counts a completed case without a known start as completed and finished, within no target", () => {
    const c = projection({ status: "completed", startedAt: null, finishedAt: t("10:05") });
    expectContributions(contributions(c, false), at(V, minute("10:05"), "completed", "finished"));
  });

  it("counts a failed case as failed, finished and a bad outcome, in the finish minute", () => {
    const c = projection({ status: "failed", finishedAt: t("10:20", 5) });
    expectContributions(contributions(c, false), [
      ...at(V, minute("10:00"), "started"),
      ...at(V, minute("10:20"), "failed", "finished", "badOutcome"),
    ]);
  });

  it("counts a compensated case as failed, compensated, finished and a bad outcome", () => {
    const c = projection({ status: "compensated", compensations: 1, finishedAt: t("10:25", 45) });
    expectContributions(contributions(c, false), [
      ...at(V, minute("10:00"), "started"),
      ...at(V, minute("10:25"), "failed", "compensated", "finished", "badOutcome"),
    ]);
  });

  it("counts a cancelled case as cancelled and finished, not failed, completed or bad", () => {
    const c = projection({ status: "cancelled", finishedAt: t("10:30") });
    expectContributions(contributions(c, false), [
      ...at(V, minute("10:00"), "started"),
      ...at(V, minute("10:30"), "cancelled", "finished"),
    ]);
  });

  it("counts a finished case that needed a retry as retried, in the finish minute", () => {
    expectContributions(contributions(projection({ status: "completed", retries: 2, finishedAt: t("10:10") }), false), [
      ...at(V, minute("10:00"), "started"),
      ...at(V, minute("10:10"), "completed", "finished", "retried", ...ALL_WITHIN),
    ]);
    expectContributions(contributions(projection({ status: "failed", retries: 1, finishedAt: t("10:12") }), false), [
      ...at(V, minute("10:00"), "started"),
      ...at(V, minute("10:12"), "failed", "finished", "badOutcome", "retried"),
    ]);
    expectContributions(contributions(projection({ status: "cancelled", retries: 1, finishedAt: t("10:14") }), false), [
      ...at(V, minute("10:00"), "started"),
      ...at(V, minute("10:14"), "cancelled", "finished", "retried"),
    ]);
  });

  it("counts a completed case an operator intervened in as a bad outcome", () => {
    const c = projection({ status: "completed", finishedAt: t("10:10") });
    expectContributions(contributions(c, true), [
      ...at(V, minute("10:00"), "started"),
      ...at(V, minute("10:10"), "completed", "finished", "badOutcome", ...ALL_WITHIN),
    ]);
    expect(contributions(c, false).map(([, , counter]) => counter)).not.toContain("badOutcome");
  });

  it("counts a cancelled case an operator intervened in as a bad outcome", () => {
    const c = projection({ status: "cancelled", finishedAt: t("10:30") });
    expectContributions(contributions(c, true), [
      ...at(V, minute("10:00"), "started"),
      ...at(V, minute("10:30"), "cancelled", "finished", "badOutcome"),
    ]);
  });

  it("counts a failed case an operator intervened in as one bad outcome, not two", () => {
    const c = projection({ status: "failed", finishedAt: t("10:20") });
    expect(contributions(c, true).filter(([, , counter]) => counter === "badOutcome")).toHaveLength(1);
  });

  it("does not count retries, compensations or bad outcomes of a case that is still open", () => {
    const c = projection({ status: "compensating", retries: 3, compensations: 1 });
    expect(contributions(c, true)).toEqual([[V, minute("10:00"), "started"]]);
  });

  it("gives no outcome for an open status even if a finish time is set", () => {
    const c = projection({ status: "compensating", compensations: 1, finishedAt: t("10:30") });
    expect(contributions(c, true)).toEqual([[V, minute("10:00"), "started"]]);
  });
});

describe("bucketDeltas", () => {
  it("gives no delta for a case that did not change", () => {
    const c = projection({ status: "completed", retries: 1, finishedAt: t("10:40") });
    expect(bucketDeltas([{ before: c, after: { ...c, eventCount: 9 } }])).toEqual([]);
    expect(bucketDeltas([{ before: c, after: { ...c, eventCount: 9 }, intervened: true }])).toEqual([]);
  });

  it("gives no delta for an open case that moved to another state", () => {
    const before = projection();
    const after = projection({ state: "decision", stateEnteredAt: t("10:20"), eventCount: 5 });
    expect(bucketDeltas([{ before, after }])).toEqual([]);
  });

  it("gives nothing for no changes", () => {
    expect(bucketDeltas([])).toEqual([]);
  });

  it("adds a start for a new case in its version and the minute it started", () => {
    expect(bucketDeltas([{ before: null, after: projection() }])).toEqual([delta(V, t("10:00"), { started: 1 })]);
  });

  it("takes a case's contributions back when it disappears", () => {
    const before = projection({ status: "failed", finishedAt: t("10:20") });
    expect(bucketDeltas([{ before, after: null }])).toEqual([
      delta(V, t("10:00"), { started: -1 }),
      delta(V, t("10:20"), { failed: -1, finished: -1, badOutcome: -1 }),
    ]);
  });

  it("adds the completion in the finish minute when an open case completes, without a second start", () => {
    const before = projection();
    const after = projection({ status: "completed", finishedAt: t("10:45", 20) });
    expect(bucketDeltas([{ before, after }])).toEqual([
      delta(V, t("10:45"), ones(["completed", "finished", ...withinFrom("within1h")])),
    ]);
  });

  it("adds a bad outcome when an open case an operator intervened in completes", () => {
    const before = projection();
    const after = projection({ status: "completed", finishedAt: t("10:10") });
    expect(bucketDeltas([{ before, after, intervened: true }])).toEqual([
      delta(V, t("10:10"), ones(["completed", "finished", "badOutcome", ...ALL_WITHIN])),
    ]);
  });

  it("moves the outcome from the old minute to the new when a replay moves finishedAt", () => {
    const before = projection({ status: "completed", finishedAt: t("10:05", 50) });
    const after = projection({ status: "completed", finishedAt: t("10:07", 10) });
    const moved: BucketCounter[] = ["completed", "finished", ...ALL_WITHIN];
    expect(bucketDeltas([{ before, after }])).toEqual([
      delta(V, t("10:05"), ones(moved, -1)),
      delta(V, t("10:07"), ones(moved)),
    ]);
  });

  it("moves a bad outcome along when a replay moves the finish of an intervened case", () => {
    const before = projection({ status: "cancelled", finishedAt: t("10:05") });
    const after = projection({ status: "cancelled", finishedAt: t("10:06") });
    expect(bucketDeltas([{ before, after, intervened: true }])).toEqual([
      delta(V, t("10:05"), { cancelled: -1, finished: -1, badOutcome: -1 }),
      delta(V, t("10:06"), { cancelled: 1, finished: 1, badOutcome: 1 }),
    ]);
  });

  it("moves a completion out of a target when a replay pushes it past that target", () => {
    const before = projection({ status: "completed", finishedAt: t("11:00", 30) }); // exactly 1 h
    const after = projection({ status: "completed", finishedAt: t("11:01", 0) });
    expect(bucketDeltas([{ before, after }])).toEqual([
      delta(V, t("11:00"), ones(["completed", "finished", ...withinFrom("within1h")], -1)),
      delta(V, t("11:01"), ones(["completed", "finished", ...withinFrom("within2h")])),
    ]);
  });

  it("swaps the counters within a minute when a replay changes the outcome", () => {
    const before = projection({ status: "completed", finishedAt: t("10:30") });
    const after = projection({ status: "failed", finishedAt: t("10:30", 40) });
    expect(bucketDeltas([{ before, after }])).toEqual([
      delta(V, t("10:30"), ones(withinFrom("within30m"), -1, { completed: -1, failed: 1, badOutcome: 1 })), // 29.5 min
    ]);
  });

  it("takes the outcome back when a failed case reopens to compensate", () => {
    const before = projection({ status: "failed", retries: 1, finishedAt: t("10:30") });
    const after = projection({ status: "compensating", retries: 1, compensations: 1, finishedAt: null });
    expect(bucketDeltas([{ before, after }])).toEqual([
      delta(V, t("10:30"), { failed: -1, finished: -1, badOutcome: -1, retried: -1 }),
    ]);
  });

  it("moves an open case's start to the other version when its version changes", () => {
    const before = projection({ version: "1.0.0" });
    const after = projection({ version: "2.0.0", eventCount: 4 });
    expect(bucketDeltas([{ before, after }])).toEqual([
      delta("1.0.0", t("10:00"), { started: -1 }),
      delta("2.0.0", t("10:00"), { started: 1 }),
    ]);
  });

  it("moves all of a finished case's contributions when its version becomes known", () => {
    const before = projection({ version: null, status: "failed", retries: 1, finishedAt: t("10:20") });
    const after = projection({ version: "1.1.0", status: "failed", retries: 1, finishedAt: t("10:20") });
    expect(bucketDeltas([{ before, after }])).toEqual([
      delta("", t("10:00"), { started: -1 }),
      delta("1.1.0", t("10:00"), { started: 1 }),
      delta("", t("10:20"), { failed: -1, finished: -1, badOutcome: -1, retried: -1 }),
      delta("1.1.0", t("10:20"), { failed: 1, finished: 1, badOutcome: 1, retried: 1 }),
    ]);
  });

  it("adds up several cases per version and minute, sorted by minute then version", () => {
    const changes = [
      { before: null, after: projection({ version: "2.0.0", startedAt: t("10:09", 1) }) },
      { before: projection(), after: projection({ status: "cancelled", finishedAt: t("10:09", 59) }) },
      { before: null, after: projection({ startedAt: t("10:02", 3) }) },
      { before: null, after: projection({ startedAt: t("10:09", 30) }) },
      { before: null, after: projection({ version: null, startedAt: t("10:09", 40) }) },
      { before: null, after: projection({ version: "2.0.0", startedAt: t("10:09", 45) }) },
      { before: null, after: projection({ version: "10.0.0", startedAt: t("10:02", 0) }) },
    ];
    expect(bucketDeltas(changes)).toEqual([
      delta(V, t("10:02"), { started: 1 }),
      delta("10.0.0", t("10:02"), { started: 1 }),
      delta("", t("10:09"), { started: 1 }),
      delta(V, t("10:09"), { started: 1, cancelled: 1, finished: 1 }),
      delta("2.0.0", t("10:09"), { started: 2 }),
    ]);
  });

  it("leaves out a minute whose changes cancel out across cases", () => {
    const changes = [
      { before: projection({ status: "completed", finishedAt: t("10:30") }), after: projection() },
      { before: projection(), after: projection({ status: "completed", finishedAt: t("10:30", 15) }) },
    ];
    expect(bucketDeltas(changes)).toEqual([]);
  });

  it("keeps the same minute of different versions apart even when they would cancel out", () => {
    const changes = [
      { before: null, after: projection({ version: "1.0.0" }) },
      { before: projection({ version: "2.0.0" }), after: null },
    ];
    expect(bucketDeltas(changes)).toEqual([
      delta("1.0.0", t("10:00"), { started: 1 }),
      delta("2.0.0", t("10:00"), { started: -1 }),
    ]);
  });

  it("keeps buckets exact when a late event is replayed into a projected case", () => {
    const e = (seq: number, type: CaseEvent["type"], when: Date, extra: Partial<CaseEvent> = {}): CaseEvent => ({
      seq,
      type,
      at: when,
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
    const deltas = bucketDeltas([
      { before: null, after: before },
      { before, after },
    ]);
    expect(deltas).toEqual([
      delta("1.0.0", t("10:00"), { started: 1 }),
      delta("1.0.0", t("10:55"), { failed: 1, compensated: 1, finished: 1, badOutcome: 1 }),
    ]);
  });
});

describe("hourlyDeltas", () => {
  const sortDeltas = (ds: BucketDelta[]) =>
    [...ds].sort((a, b) => a.minute.getTime() - b.minute.getTime() || a.version.localeCompare(b.version));

  it("gives nothing for no deltas", () => {
    expect(hourlyDeltas([])).toEqual([]);
  });

  it("sums the minutes of one hour and version into the start of the hour", () => {
    const minutes = [
      delta(V, t("10:02"), { started: 2 }),
      delta(V, t("10:30"), { started: 1, completed: 1, finished: 1, within1h: 1 }),
      delta(V, t("10:59"), { completed: 1, finished: 1, badOutcome: 1 }),
    ];
    expect(hourlyDeltas(minutes)).toEqual([
      delta(V, t("10:00"), { started: 3, completed: 2, finished: 2, within1h: 1, badOutcome: 1 }),
    ]);
  });

  it("keeps different hours apart", () => {
    const minutes = [
      delta(V, t("10:59"), { started: 1 }),
      delta(V, t("11:00"), { started: 1 }),
      delta(V, t("11:45"), { failed: 1 }),
    ];
    expect(sortDeltas(hourlyDeltas(minutes))).toEqual([
      delta(V, t("10:00"), { started: 1 }),
      delta(V, t("11:00"), { started: 1, failed: 1 }),
    ]);
  });

  it("keeps versions apart within an hour", () => {
    const minutes = [
      delta("1.0.0", t("10:05"), { started: 1 }),
      delta("2.0.0", t("10:06"), { started: 1 }),
      delta("", t("10:07"), { started: 4 }),
      delta("1.0.0", t("10:08"), { started: 1 }),
    ];
    expect(sortDeltas(hourlyDeltas(minutes))).toEqual([
      delta("", t("10:00"), { started: 4 }),
      delta("1.0.0", t("10:00"), { started: 2 }),
      delta("2.0.0", t("10:00"), { started: 1 }),
    ]);
  });

  it("drops an hour whose minutes cancel out, but keeps the other hours and versions", () => {
    const minutes = [
      delta(V, t("10:05"), { completed: -1, finished: -1 }),
      delta(V, t("10:07"), { completed: 1, finished: 1 }),
      delta("2.0.0", t("10:07"), { completed: 1, finished: 1 }),
      delta(V, t("11:07"), { started: 1 }),
    ];
    expect(sortDeltas(hourlyDeltas(minutes))).toEqual([
      delta("2.0.0", t("10:00"), { completed: 1, finished: 1 }),
      delta(V, t("11:00"), { started: 1 }),
    ]);
  });

  it("does not change the minute deltas it sums", () => {
    const minutes = [delta(V, t("10:05"), { started: 1 }), delta(V, t("10:07"), { started: 2 })];
    const copy = structuredClone(minutes);
    hourlyDeltas(minutes);
    expect(minutes).toEqual(copy);
  });

  it("rolls up the deltas of a replay that moves a finish into the next hour", () => {
    const before = projection({ status: "completed", finishedAt: t("10:59", 50) });
    const after = projection({ status: "completed", finishedAt: t("11:00", 10) });
    const minutes = bucketDeltas([{ before, after }]);
    // 59m20s → 59m40s: within 1 h either way.
    const moved: BucketCounter[] = ["completed", "finished", ...withinFrom("within1h")];
    expect(sortDeltas(hourlyDeltas(minutes))).toEqual([
      delta(V, t("10:00"), ones(moved, -1)),
      delta(V, t("11:00"), ones(moved)),
    ]);
  });

  it("gives nothing for a replay that only moves a finish within the hour", () => {
    const before = projection({ status: "failed", finishedAt: t("10:05") });
    const after = projection({ status: "failed", finishedAt: t("10:40") });
    expect(bucketDeltas([{ before, after }])).toHaveLength(2);
    expect(hourlyDeltas(bucketDeltas([{ before, after }]))).toEqual([]);
  });
});
