import { describe, it, expect } from "vitest";
import {
  BURN_WINDOWS,
  BURN_WINDOW_NAMES,
  DEFAULT_MIN_BAD_EVENTS,
  DEFAULT_TIERS,
  SLI_TYPES,
  budgetRemaining,
  burnRate,
  evaluateTiers,
  inReleaseFreeze,
  maxBurnRate,
  sliCounts,
  sliValue,
  sloHealth,
  tierFactor,
  type AlertTier,
  type BurnWindow,
  type Counts,
  type Severity,
  type TierState,
  type WindowSums,
} from "@/lib/domain/slo";

/**
 * The numbers below are written out from PRODUCT.md "Error budgets and burn" and the
 * SRE Workbook ("Alerting on SLOs"), not derived from the code under test.
 */

const HOURS_30D = 30 * 24; // 720

/** Every burn window empty, except the ones given. */
function windows(overrides: Partial<Record<BurnWindow, Counts>> = {}): Record<BurnWindow, Counts> {
  const w = {} as Record<BurnWindow, Counts>;
  for (const name of BURN_WINDOW_NAMES) w[name] = overrides[name] ?? { bad: 0, total: 0 };
  return w;
}

/** evaluateTiers over the default tiers at 99.9 % and 30 days unless told otherwise. */
function evaluate(
  w: Partial<Record<BurnWindow, Counts>>,
  opts: { objective?: number; windowDays?: number; minBadEvents?: number; tiers?: readonly AlertTier[]; firingBefore?: number[] } = {},
): TierState[] {
  return evaluateTiers(
    {
      tiers: opts.tiers ?? DEFAULT_TIERS,
      objective: opts.objective ?? 0.999,
      windowDays: opts.windowDays ?? 30,
      minBadEvents: opts.minBadEvents ?? DEFAULT_MIN_BAD_EVENTS,
      windows: windows(w),
    },
    new Set(opts.firingBefore ?? []),
  );
}

const firing = (states: readonly TierState[]) => states.map((s) => s.firing);

describe("constants", () => {
  it("burn windows are 5m, 30m, 1h, 2h, 6h, 1d, 3d in seconds", () => {
    expect(BURN_WINDOWS).toEqual({ "5m": 300, "30m": 1800, "1h": 3600, "2h": 7200, "6h": 21600, "1d": 86400, "3d": 259200 });
    expect(BURN_WINDOW_NAMES).toEqual(["5m", "30m", "1h", "2h", "6h", "1d", "3d"]);
  });

  it("the default tiers are the SRE Workbook's: page 2% in 1h/5m, page 5% in 6h/30m, ticket 10% in 1d/2h, ticket 10% in 3d/6h", () => {
    expect(DEFAULT_TIERS).toEqual([
      { severity: "page", longWindow: "1h", shortWindow: "5m", budgetShare: 0.02 },
      { severity: "page", longWindow: "6h", shortWindow: "30m", budgetShare: 0.05 },
      { severity: "ticket", longWindow: "1d", shortWindow: "2h", budgetShare: 0.1 },
      { severity: "ticket", longWindow: "3d", shortWindow: "6h", budgetShare: 0.1 },
    ]);
  });

  it("the low-volume minimum is 5 bad events", () => {
    expect(DEFAULT_MIN_BAD_EVENTS).toBe(5);
  });
});

describe("tierFactor", () => {
  const factors = (days: number) => DEFAULT_TIERS.map((t) => tierFactor(t, days));

  it("30-day window: 14.4, 6, 3, 1", () => {
    const expected = [14.4, 6, 3, 1];
    factors(30).forEach((f, i) => expect(f).toBeCloseTo(expected[i]!, 10));
  });

  it("28-day window: 13.44, 5.6, 2.8, 0.9333…", () => {
    const expected = [13.44, 5.6, 2.8, 28 / 30];
    factors(28).forEach((f, i) => expect(f).toBeCloseTo(expected[i]!, 10));
    expect(factors(28)[3]).toBeCloseTo(0.933333333, 8);
  });

  it("7-day window: 3.36, 1.4, 0.7, 0.2333…", () => {
    const expected = [3.36, 1.4, 0.7, 7 / 30];
    factors(7).forEach((f, i) => expect(f).toBeCloseTo(expected[i]!, 10));
    expect(factors(7)[3]).toBeCloseTo(0.233333333, 8);
  });

  it("burning at a tier's factor for its long window spends exactly its budget share", () => {
    // factor × long window / SLO window = share
    for (const days of [7, 28, 30]) {
      for (const tier of DEFAULT_TIERS) {
        const spent = (tierFactor(tier, days) * BURN_WINDOWS[tier.longWindow]) / (days * 86400);
        expect(spent).toBeCloseTo(tier.budgetShare, 12);
      }
    }
  });

  it("at 99.9% over 30 d, burning at 14.4 for 1 hour spends 2% of the budget: 14.4 × 1 h / 720 h = 0.02", () => {
    expect(HOURS_30D).toBe(720);
    expect((14.4 * 1) / HOURS_30D).toBeCloseTo(0.02, 12);
    expect((tierFactor(DEFAULT_TIERS[0]!, 30) * 1) / HOURS_30D).toBeCloseTo(0.02, 12);

    // The same with counts: 10 000 events an hour for 720 hours; one hour burns at 14.4
    // (144 bad of 10 000 = 1.44% against a 0.1% budget); the rest are clean.
    const total = 10_000 * HOURS_30D;
    const badHour: Counts = { bad: 144, total: 10_000 };
    expect(burnRate(badHour, 0.999)).toBeCloseTo(14.4, 9);
    expect(burnRate({ bad: 144, total }, 0.999)).toBeCloseTo(0.02, 12);
    expect(budgetRemaining({ bad: 144, total }, 0.999)).toBeCloseTo(0.98, 12);
  });
});

describe("maxBurnRate", () => {
  it("is 1 / (1 − objective): 20 at 95%, 1000 at 99.9%, 100 at 99%", () => {
    expect(maxBurnRate(0.95)).toBeCloseTo(20, 9);
    expect(maxBurnRate(0.999)).toBeCloseTo(1000, 9);
    expect(maxBurnRate(0.99)).toBeCloseTo(100, 9);
  });

  it("is the burn rate when every event is bad", () => {
    expect(burnRate({ bad: 50, total: 50 }, 0.95)).toBeCloseTo(20, 9);
    expect(burnRate({ bad: 7, total: 7 }, 0.999)).toBeCloseTo(1000, 9);
  });
});

describe("sliValue, burnRate, budgetRemaining", () => {
  it("without events: sli null, burn 0, a whole budget left", () => {
    const none: Counts = { bad: 0, total: 0 };
    expect(sliValue(none)).toBeNull();
    expect(burnRate(none, 0.999)).toBe(0);
    expect(budgetRemaining(none, 0.999)).toBe(1);
  });

  it("sli is the share of good events", () => {
    expect(sliValue({ bad: 5, total: 100 })).toBeCloseTo(0.95, 12);
    expect(sliValue({ bad: 0, total: 3 })).toBe(1);
    expect(sliValue({ bad: 3, total: 3 })).toBe(0);
  });

  it("burn rate = (bad / total) / (1 − objective)", () => {
    // 1% errors against a 0.1% budget: 10× too fast
    expect(burnRate({ bad: 10, total: 1000 }, 0.999)).toBeCloseTo(10, 9);
    // 2.5% errors against a 5% budget: half speed
    expect(burnRate({ bad: 25, total: 1000 }, 0.95)).toBeCloseTo(0.5, 12);
    // no bad events
    expect(burnRate({ bad: 0, total: 1000 }, 0.95)).toBe(0);
  });

  it("a burn rate of 1.0 is an error rate equal to the budget (spends it exactly over the window)", () => {
    // 75% objective: 1 − 0.75 = 0.25 is exact in binary, so 25 / 100 burns at exactly 1
    expect(burnRate({ bad: 25, total: 100 }, 0.75)).toBe(1);
    expect(burnRate({ bad: 1, total: 1000 }, 0.999)).toBeCloseTo(1, 12);
  });

  it("budget remaining = 1 − burn over the SLO window", () => {
    // 0.05% errors against a 0.1% budget: half spent
    expect(budgetRemaining({ bad: 5, total: 10_000 }, 0.999)).toBeCloseTo(0.5, 12);
    // 1% errors against a 5% budget: 80% left
    expect(budgetRemaining({ bad: 1, total: 100 }, 0.95)).toBeCloseTo(0.8, 12);
    expect(budgetRemaining({ bad: 0, total: 100 }, 0.95)).toBe(1);
  });

  it("a budget can go negative and is not clamped", () => {
    // 0.3% errors against a 0.1% budget: 1 − 3 = −2
    expect(budgetRemaining({ bad: 3, total: 1000 }, 0.999)).toBeCloseTo(-2, 9);
    // more bad events: more negative, still not clamped
    expect(budgetRemaining({ bad: 10, total: 1000 }, 0.999)).toBeCloseTo(-9, 9);
    // every event bad at 95%: 1 − 20 = −19
    expect(budgetRemaining({ bad: 40, total: 40 }, 0.95)).toBeCloseTo(-19, 9);
  });
});

describe("evaluateTiers", () => {
  // 99.9% over 30 days: factors 14.4, 6, 3, 1.
  it("reports each tier's factor, reachability, burns and bad count", () => {
    const states = evaluate({ "1h": { bad: 20, total: 1000 }, "5m": { bad: 5, total: 100 } });
    expect(states).toHaveLength(4);
    const [first] = states;
    expect(first!.tier).toBe(DEFAULT_TIERS[0]);
    expect(first!.factor).toBeCloseTo(14.4, 10);
    expect(first!.reachable).toBe(true);
    expect(first!.burnLong).toBeCloseTo(20, 9); // 2% / 0.1%
    expect(first!.burnShort).toBeCloseTo(50, 9); // 5% / 0.1%
    expect(first!.badLong).toBe(20);
    // the other tiers' windows are empty
    expect(states.slice(1).map((s) => [s.burnLong, s.burnShort, s.badLong])).toEqual([
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });

  it("with no events nothing fires", () => {
    expect(firing(evaluate({}))).toEqual([false, false, false, false]);
  });

  it("fires when both the long and the short window burn faster than the factor", () => {
    // 1h burns at 20, 5m at 50: both > 14.4
    expect(firing(evaluate({ "1h": { bad: 20, total: 1000 }, "5m": { bad: 5, total: 100 } }))).toEqual([true, false, false, false]);
  });

  it("does not fire when only the long window is high (the burn has stopped)", () => {
    expect(firing(evaluate({ "1h": { bad: 20, total: 1000 }, "5m": { bad: 0, total: 100 } }))).toEqual([false, false, false, false]);
  });

  it("does not fire when only the short window is high (a blip)", () => {
    // 1h burns at 10 < 14.4; 5m at 50
    expect(firing(evaluate({ "1h": { bad: 10, total: 1000 }, "5m": { bad: 5, total: 100 } }))).toEqual([false, false, false, false]);
  });

  it("fires each default tier from its own windows", () => {
    // 6h at 8 > 6 and 30m at 10 > 6: second page tier
    expect(firing(evaluate({ "6h": { bad: 80, total: 10_000 }, "30m": { bad: 10, total: 1000 } }))).toEqual([false, true, false, false]);
    // 1d at 4 > 3 and 2h at 5 > 3: first ticket tier
    expect(firing(evaluate({ "1d": { bad: 40, total: 10_000 }, "2h": { bad: 5, total: 1000 } }))).toEqual([false, false, true, false]);
    // 3d at 2 > 1 and 6h at 2 > 1: second ticket tier
    expect(firing(evaluate({ "3d": { bad: 60, total: 30_000 }, "6h": { bad: 20, total: 10_000 } }))).toEqual([false, false, false, true]);
  });

  describe("strictly greater than the factor (exact arithmetic)", () => {
    // Objective 75% (budget 0.25) and a tier with factor 0.5 × 1 d / 1 d = 0.5, all exact
    // in binary; 5 bad of 40 = 0.125 burns at exactly 0.5.
    const tier: AlertTier = { severity: "page", longWindow: "1d", shortWindow: "1h", budgetShare: 0.5 };
    const opts = { tiers: [tier], objective: 0.75, windowDays: 1 };
    const atFactor: Counts = { bad: 5, total: 40 };
    const above: Counts = { bad: 6, total: 40 };

    it("the set-up is exact", () => {
      const [s] = evaluate({ "1d": atFactor, "1h": atFactor }, opts);
      expect(s!.factor).toBe(0.5);
      expect(s!.burnLong).toBe(0.5);
      expect(s!.burnShort).toBe(0.5);
    });

    it("a burn equal to the factor does not fire", () => {
      expect(firing(evaluate({ "1d": atFactor, "1h": atFactor }, opts))).toEqual([false]);
      expect(firing(evaluate({ "1d": above, "1h": atFactor }, opts))).toEqual([false]);
      expect(firing(evaluate({ "1d": atFactor, "1h": above }, opts))).toEqual([false]);
    });

    it("a burn above the factor in both windows fires", () => {
      expect(firing(evaluate({ "1d": above, "1h": above }, opts))).toEqual([true]);
    });

    it("a tier already firing stays firing while its short window burns at the factor (>=)", () => {
      expect(firing(evaluate({ "1d": atFactor, "1h": atFactor }, { ...opts, firingBefore: [0] }))).toEqual([true]);
    });

    it("a tier already firing resolves as soon as its short window drops below the factor", () => {
      expect(firing(evaluate({ "1d": above, "1h": { bad: 4, total: 40 } }, { ...opts, firingBefore: [0] }))).toEqual([false]);
    });
  });

  describe("low volume: at least minBadEvents bad events in the long window", () => {
    it("4 bad events never page, even when every event is bad (burn 1000)", () => {
      const states = evaluate({ "1h": { bad: 4, total: 4 }, "5m": { bad: 4, total: 4 } });
      expect(states[0]!.burnLong).toBeCloseTo(1000, 9);
      expect(states[0]!.badLong).toBe(4);
      expect(firing(states)).toEqual([false, false, false, false]);
    });

    it("5 bad events do", () => {
      expect(firing(evaluate({ "1h": { bad: 5, total: 5 }, "5m": { bad: 5, total: 5 } }))).toEqual([true, false, false, false]);
    });

    it("counts the long window's bad events, not the short window's", () => {
      // 1h: 5 bad (burn 50); 5m: 2 bad (burn 200): fires
      expect(firing(evaluate({ "1h": { bad: 5, total: 100 }, "5m": { bad: 2, total: 10 } }))[0]).toBe(true);
      // 1h: 4 bad; 5m: 4 bad of 4 (all of the long window's bad events in the last 5 minutes)
      expect(firing(evaluate({ "1h": { bad: 4, total: 80 }, "5m": { bad: 4, total: 4 } }))[0]).toBe(false);
    });

    it("the minimum is an input", () => {
      const w = { "1h": { bad: 4, total: 4 }, "5m": { bad: 4, total: 4 } };
      expect(firing(evaluate(w, { minBadEvents: 4 }))[0]).toBe(true);
      expect(firing(evaluate({ "1h": { bad: 9, total: 9 }, "5m": { bad: 9, total: 9 } }, { minBadEvents: 10 }))[0]).toBe(false);
    });
  });

  describe("hysteresis: once firing, a tier resolves only when its short window drops below the factor", () => {
    it("stays firing while the short window burns at or above the factor, even with a quiet long window", () => {
      // 5m at 20 ≥ 14.4; the 1h window has no bad events at all (and fewer than 5)
      const w = { "1h": { bad: 0, total: 1000 }, "5m": { bad: 2, total: 100 } };
      expect(firing(evaluate(w))[0]).toBe(false);
      expect(firing(evaluate(w, { firingBefore: [0] }))[0]).toBe(true);
    });

    it("resolves when the short window drops below the factor, even if the long window is still high", () => {
      // 1h still at 20 > 14.4; 5m at 10 < 14.4
      const w = { "1h": { bad: 20, total: 1000 }, "5m": { bad: 1, total: 100 } };
      expect(firing(evaluate(w, { firingBefore: [0] }))[0]).toBe(false);
    });

    it("resolves when the short window has no events", () => {
      expect(firing(evaluate({ "1h": { bad: 20, total: 1000 } }, { firingBefore: [0] }))[0]).toBe(false);
    });

    it("only the tiers that were firing before get the hysteresis", () => {
      // 5m at 20 and 30m at 20: tier 0 (before) stays; tier 1 (not before) needs its 6h window too
      const w = { "5m": { bad: 2, total: 100 }, "30m": { bad: 20, total: 1000 } };
      expect(firing(evaluate(w, { firingBefore: [0] }))).toEqual([true, false, false, false]);
      expect(firing(evaluate(w, { firingBefore: [1] }))).toEqual([false, true, false, false]);
    });
  });

  describe("unreachable factors", () => {
    // 5% of a 30-day budget in 1 hour: factor 0.05 × 720 = 36
    const steep: AlertTier = { severity: "page", longWindow: "1h", shortWindow: "5m", budgetShare: 0.05 };
    const allBad = { "1h": { bad: 100, total: 100 }, "5m": { bad: 10, total: 10 } };

    it("at 95% the fastest burn is 20, so a factor of 36 is unreachable and never fires, even when every event is bad", () => {
      const [s] = evaluate(allBad, { tiers: [steep], objective: 0.95 });
      expect(s!.factor).toBeCloseTo(36, 10);
      expect(s!.reachable).toBe(false);
      expect(s!.burnLong).toBeCloseTo(20, 9);
      expect(s!.burnShort).toBeCloseTo(20, 9);
      expect(s!.firing).toBe(false);
    });

    it("a firing tier whose factor became unreachable (objective lowered) does not fire", () => {
      const [s] = evaluate(allBad, { tiers: [steep], objective: 0.95, firingBefore: [0] });
      expect(s!.firing).toBe(false);
    });

    it("the same tier at 99.9% (fastest burn 1000) is reachable and fires", () => {
      const [s] = evaluate(allBad, { tiers: [steep], objective: 0.999 });
      expect(s!.reachable).toBe(true);
      expect(s!.firing).toBe(true);
    });

    it("all default tiers are reachable at 95% over 30 days (14.4 < 20)", () => {
      expect(evaluate({}, { objective: 0.95 }).map((s) => s.reachable)).toEqual([true, true, true, true]);
    });

    it("at 90% (fastest burn 10) the 14.4 tier is unreachable, the others are not", () => {
      const states = evaluate(
        { "1h": { bad: 50, total: 50 }, "5m": { bad: 5, total: 5 }, "6h": { bad: 80, total: 80 }, "30m": { bad: 8, total: 8 } },
        { objective: 0.9 },
      );
      expect(states.map((s) => s.reachable)).toEqual([false, true, true, true]);
      expect(firing(states)).toEqual([false, true, false, false]);
    });
  });

  it("rescales the factors for a 7-day window", () => {
    // 7 d: factors 3.36, 1.4, 0.7, 0.233…; 1h and 5m at 4 > 3.36 fire the first tier
    const states = evaluate({ "1h": { bad: 40, total: 10_000 }, "5m": { bad: 4, total: 1000 } }, { windowDays: 7 });
    expect(states[0]!.factor).toBeCloseTo(3.36, 10);
    expect(states[0]!.firing).toBe(true);
    // the same counts over 30 days (factor 14.4) do not
    expect(evaluate({ "1h": { bad: 40, total: 10_000 }, "5m": { bad: 4, total: 1000 } })[0]!.firing).toBe(false);
  });
});

describe("sloHealth", () => {
  const tierState = (severity: Severity, isFiring: boolean): TierState => ({
    tier: { severity, longWindow: severity === "page" ? "1h" : "1d", shortWindow: severity === "page" ? "5m" : "2h", budgetShare: 0.02 },
    factor: 14.4,
    reachable: true,
    burnLong: 0,
    burnShort: 0,
    badLong: 0,
    firing: isFiring,
  });
  const quiet = [tierState("page", false), tierState("ticket", false)];

  it("breaching when the budget is spent (0) or overspent (negative)", () => {
    expect(sloHealth(0, quiet)).toBe("breaching");
    expect(sloHealth(-0.5, quiet)).toBe("breaching");
    expect(sloHealth(-19, [])).toBe("breaching");
  });

  it("breaching when a page tier fires, whatever the budget", () => {
    expect(sloHealth(0.9, [tierState("page", true), tierState("ticket", false)])).toBe("breaching");
    expect(sloHealth(1, [tierState("page", true), tierState("ticket", true)])).toBe("breaching");
  });

  it("warning when a ticket tier fires", () => {
    expect(sloHealth(0.9, [tierState("page", false), tierState("ticket", true)])).toBe("warning");
  });

  it("warning when less than a quarter of the budget is left", () => {
    expect(sloHealth(0.2, quiet)).toBe("warning");
    expect(sloHealth(0.01, [])).toBe("warning");
  });

  it("ok otherwise (a quarter left exactly is ok)", () => {
    expect(sloHealth(0.25, quiet)).toBe("ok");
    expect(sloHealth(0.9, quiet)).toBe("ok");
    expect(sloHealth(1, [])).toBe("ok");
  });

  it("works on evaluateTiers' output", () => {
    const paging = evaluate({ "1h": { bad: 20, total: 1000 }, "5m": { bad: 5, total: 100 } });
    expect(sloHealth(0.9, paging)).toBe("breaching");
    const ticketing = evaluate({ "1d": { bad: 40, total: 10_000 }, "2h": { bad: 5, total: 1000 } });
    expect(sloHealth(0.9, ticketing)).toBe("warning");
    expect(sloHealth(0.9, evaluate({}))).toBe("ok");
  });
});

describe("sliCounts", () => {
  const sums: WindowSums = {
    finished: 100,
    completedWithin: 90,
    badOutcome: 7,
    retried: 12,
    compensated: 3,
    openSampled: 500,
    stuckSampled: 8,
  };

  it("covers every SLI type", () => {
    expect(SLI_TYPES).toEqual(["cycle_time", "stuck_ratio", "failure_rate", "retry_rate", "compensation_rate"]);
    for (const sli of SLI_TYPES) expect(sliCounts(sli, sums)).toEqual({ bad: expect.any(Number), total: expect.any(Number) });
  });

  it("cycle time: total = finished; bad = finished not completed within the target", () => {
    expect(sliCounts("cycle_time", sums)).toEqual({ bad: 10, total: 100 });
  });

  it("cycle time: open cases past the target count as bad and in the total", () => {
    // 100 finished (90 within target) + 4 open past target: bad 10 + 4, total 100 + 4
    expect(sliCounts("cycle_time", sums, 4)).toEqual({ bad: 14, total: 104 });
    // only open cases past target, nothing finished: all bad
    expect(sliCounts("cycle_time", { ...sums, finished: 0, completedWithin: 0 }, 3)).toEqual({ bad: 3, total: 3 });
  });

  it("cycle time: failed, cancelled and compensated cases are finished but not completed within target, so bad", () => {
    // 10 finished: 6 completed in time, 1 completed late, 3 failed/cancelled/compensated
    expect(sliCounts("cycle_time", { ...sums, finished: 10, completedWithin: 6 })).toEqual({ bad: 4, total: 10 });
  });

  it("stuck ratio: the samples (bad = stuck, total = open)", () => {
    expect(sliCounts("stuck_ratio", sums)).toEqual({ bad: 8, total: 500 });
  });

  it("stuck ratio ignores openPastTarget", () => {
    expect(sliCounts("stuck_ratio", sums, 4)).toEqual({ bad: 8, total: 500 });
  });

  it("failure rate: bad = failed or touched by an operator, of the finished", () => {
    expect(sliCounts("failure_rate", sums)).toEqual({ bad: 7, total: 100 });
  });

  it("retry rate: bad = retried, of the finished", () => {
    expect(sliCounts("retry_rate", sums)).toEqual({ bad: 12, total: 100 });
  });

  it("compensation rate: bad = compensated, of the finished", () => {
    expect(sliCounts("compensation_rate", sums)).toEqual({ bad: 3, total: 100 });
  });

  it("feeds burnRate: 7% failures against a 99% SLO burns at 7", () => {
    expect(burnRate(sliCounts("failure_rate", sums), 0.99)).toBeCloseTo(7, 9);
  });
});

describe("inReleaseFreeze", () => {
  it("an open page alert freezes, whatever the budgets", () => {
    expect(inReleaseFreeze([0.9], 1)).toBe(true);
    expect(inReleaseFreeze([], 2)).toBe(true);
    expect(inReleaseFreeze([null], 1)).toBe(true);
  });

  it("a spent budget (0) on any SLO freezes", () => {
    expect(inReleaseFreeze([0.9, 0], 0)).toBe(true);
  });

  it("an overspent (negative) budget freezes", () => {
    expect(inReleaseFreeze([-2], 0)).toBe(true);
    expect(inReleaseFreeze([null, -0.01, 0.5], 0)).toBe(true);
  });

  it("null budgets (never evaluated) do not freeze", () => {
    expect(inReleaseFreeze([null], 0)).toBe(false);
    expect(inReleaseFreeze([null, null], 0)).toBe(false);
  });

  it("no budgets and no page alerts: no freeze", () => {
    expect(inReleaseFreeze([], 0)).toBe(false);
  });

  it("positive budgets, even small ones, do not freeze", () => {
    expect(inReleaseFreeze([0.5, 0.01, null], 0)).toBe(false);
  });
});

describe("a budget spent exactly", () => {
  it.each([0.999, 0.99, 0.98, 0.95, 0.995, 0.9])("is 0 at objective %s, so the SLO breaches and freezes", (objective) => {
    const total = 100_000;
    const bad = Math.round(total * (1 - objective));
    expect(budgetRemaining({ bad, total }, objective)).toBe(0);
    expect(sloHealth(0, [])).toBe("breaching");
    expect(inReleaseFreeze([budgetRemaining({ bad, total }, objective)], 0)).toBe(true);
  });

  it("burns at exactly 14.4 when 144 of 10,000 events are bad at 99.9%", () => {
    expect(burnRate({ bad: 144, total: 10_000 }, 0.999)).toBe(14.4);
  });
});
