import { describe, it, expect } from "vitest";
import { FINISHED_STATUSES, OPEN_STATUSES, type CaseStatus } from "@/lib/domain/case";
import { stuckAfter, stuckStatus, stuckStatusFromInstant, thresholdFor, type StuckPolicy } from "@/lib/domain/stuck";
import { parseStuckThresholds } from "@/lib/validation/process";

const ENTERED = new Date("2026-03-01T09:00:00.000Z");
const after = (ms: number) => new Date(ENTERED.getTime() + ms);

/** Default 2 h; "manual-review" 10 min; "payout" 1 min. */
const policy: StuckPolicy = {
  defaultThresholdSec: 7200,
  stateThresholds: { "manual-review": 600, payout: 60 },
};

const position = (status: CaseStatus, state: string | null = "manual-review") => ({
  status,
  state,
  stateEnteredAt: ENTERED,
});

describe("thresholdFor", () => {
  it("uses the state's own threshold when it has one", () => {
    expect(thresholdFor(policy, "manual-review")).toBe(600);
    expect(thresholdFor(policy, "payout")).toBe(60);
  });

  it("falls back to the process default for a state without one", () => {
    expect(thresholdFor(policy, "kyc")).toBe(7200);
  });

  it("uses the process default when the case has no state yet", () => {
    expect(thresholdFor(policy, null)).toBe(7200);
  });
});

describe("stuckStatus", () => {
  it("is not stuck when the time in state equals the threshold exactly", () => {
    expect(stuckStatus(position("running"), policy, after(600_000))).toEqual({
      stuck: false,
      inStateSec: 600,
      stuckForSec: 0,
      thresholdSec: 600,
    });
  });

  it("is stuck one millisecond past the threshold", () => {
    expect(stuckStatus(position("running"), policy, after(600_001))).toEqual({
      stuck: true,
      inStateSec: 600,
      stuckForSec: 600,
      thresholdSec: 600,
    });
  });

  it("reports whole seconds in state, rounded down, and the stuck time as the time in state", () => {
    expect(stuckStatus(position("running"), policy, after(1_234_999))).toEqual({
      stuck: true,
      inStateSec: 1234,
      stuckForSec: 1234,
      thresholdSec: 600,
    });
  });

  it("counts the time in state below the threshold without calling it stuck", () => {
    const s = stuckStatus(position("running"), policy, after(59_500));
    expect(s.stuck).toBe(false);
    expect(s.inStateSec).toBe(59);
    expect(s.stuckForSec).toBe(0);
  });

  it("applies a state's own threshold rather than the process default", () => {
    // 15 minutes: past manual-review's 10 min, well below the 2 h default.
    const now = after(15 * 60_000);
    expect(stuckStatus(position("running", "manual-review"), policy, now).stuck).toBe(true);
    expect(stuckStatus(position("running", "kyc"), policy, now)).toMatchObject({ stuck: false, thresholdSec: 7200 });
  });

  it("applies the process default to a state without its own threshold, at its boundary", () => {
    expect(stuckStatus(position("running", "kyc"), policy, after(7_200_000)).stuck).toBe(false);
    expect(stuckStatus(position("running", "kyc"), policy, after(7_200_001)).stuck).toBe(true);
  });

  it("applies the process default to a case without a state", () => {
    expect(stuckStatus(position("running", null), policy, after(7_200_000)).stuck).toBe(false);
    expect(stuckStatus(position("running", null), policy, after(7_200_001)).stuck).toBe(true);
  });

  it("counts a case waiting on a human as stuck once past its threshold", () => {
    expect(stuckStatus(position("waiting"), policy, after(600_000)).stuck).toBe(false);
    expect(stuckStatus(position("waiting"), policy, after(600_001))).toMatchObject({ stuck: true, stuckForSec: 600 });
  });

  it("counts a compensating case as open, so it can be stuck", () => {
    expect(stuckStatus(position("compensating", "refund"), policy, after(7_200_001)).stuck).toBe(true);
  });

  it.each(["completed", "failed", "cancelled", "compensated"] as const)(
    "never calls a %s case stuck and reports no time in state",
    (status) => {
      expect(stuckStatus(position(status), policy, after(30 * 24 * 3600 * 1000))).toEqual({
        stuck: false,
        inStateSec: 0,
        stuckForSec: 0,
        thresholdSec: 600,
      });
    },
  );

  it("is not stuck, and has spent no time in state, when now is before the state was entered", () => {
    expect(stuckStatus(position("running"), policy, after(-5_000))).toMatchObject({
      stuck: false,
      inStateSec: 0,
      stuckForSec: 0,
    });
  });
});

describe("stuckAfter", () => {
  it.each(["running", "waiting", "compensating"] as const)(
    "is the instant a %s case crosses its state's threshold",
    (status) => {
      expect(stuckAfter(position(status, "manual-review"), policy)).toEqual(after(600_000));
      expect(stuckAfter(position(status, "kyc"), policy)).toEqual(after(7_200_000));
      expect(stuckAfter(position(status, null), policy)).toEqual(after(7_200_000));
    },
  );

  it.each(["completed", "failed", "cancelled", "compensated"] as const)("is null for a %s case", (status) => {
    expect(stuckAfter(position(status), policy)).toBeNull();
  });

  it("agrees with stuckStatus: not stuck at the instant itself, stuck one millisecond later", () => {
    for (const status of OPEN_STATUSES) {
      for (const state of ["manual-review", "payout", "kyc", null]) {
        const c = position(status, state);
        const instant = stuckAfter(c, policy);
        expect(instant).not.toBeNull();
        const t = instant!.getTime();
        expect(stuckStatus(c, policy, new Date(t)).stuck, `${status}/${state}`).toBe(false);
        expect(stuckStatus(c, policy, new Date(t + 1)).stuck, `${status}/${state}`).toBe(true);
      }
    }
  });

  it("covers every finished status as never stuck", () => {
    for (const status of FINISHED_STATUSES) {
      expect(stuckAfter(position(status), policy), status).toBeNull();
      expect(stuckStatus(position(status), policy, after(1e12)).stuck, status).toBe(false);
    }
  });
});

describe("state names that are also Object.prototype keys", () => {
  const parsed: StuckPolicy = { defaultThresholdSec: 7200, stateThresholds: parseStuckThresholds({ review: 600 }) };

  it.each(["constructor", "toString", "hasOwnProperty", "__proto__"])("uses the default threshold for %s", (state) => {
    expect(thresholdFor(parsed, state)).toBe(7200);
    expect(stuckAfter(position("running", state), parsed)).toEqual(after(7200 * 1000));
    expect(stuckStatus(position("running", state), parsed, after(86_400_000))).toMatchObject({ stuck: true, thresholdSec: 7200 });
  });
});

describe("stuckStatusFromInstant", () => {
  it("agrees with stuckStatus from the stored stuck instant", () => {
    const c = position("waiting");
    const stored = { stateEnteredAt: ENTERED, stuckAfter: stuckAfter(c, policy) };
    for (const ms of [0, 600_000, 600_001, 3_600_000]) {
      expect(stuckStatusFromInstant(stored, after(ms))).toEqual(stuckStatus(c, policy, after(ms)));
    }
  });

  it("is null for a finished case (no stuck instant)", () => {
    expect(stuckStatusFromInstant({ stateEnteredAt: ENTERED, stuckAfter: null }, after(1))).toBeNull();
  });
});
