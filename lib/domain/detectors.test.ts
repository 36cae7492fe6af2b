import { describe, it, expect } from "vitest";
import {
  INCIDENT_TYPES,
  OUTAGE_DEFAULTS,
  REGRESSION_DEFAULTS,
  RESOLVE_GRACE_MINUTES,
  STUCK_DEFAULTS,
  burnAlertSeverity,
  detectOutage,
  detectSloBurn,
  detectStuckPileUp,
  detectVersionRegression,
  moreSevere,
  resolutionStep,
  twoProportionZ,
  type OpenBurnAlert,
} from "@/lib/domain/detectors";

/** The numbers below are worked by hand from the rules in PRODUCT.md "Runbooks". */

describe("constants", () => {
  it("incident types and default thresholds", () => {
    expect(INCIDENT_TYPES).toEqual(["slo_burn", "stuck_cases", "dependency_outage", "version_regression"]);
    expect(STUCK_DEFAULTS).toEqual({ threshold: 10 });
    expect(OUTAGE_DEFAULTS).toEqual({ minFailures: 20, minRatio: 0.5, windowMinutes: 5 });
    expect(REGRESSION_DEFAULTS).toEqual({ minSample: 30, zCritical: 2.326 });
    expect(RESOLVE_GRACE_MINUTES).toBe(10);
  });
});

describe("moreSevere", () => {
  it("SEV1 beats SEV2 beats SEV3, in either order", () => {
    expect(moreSevere("SEV1", "SEV2")).toBe("SEV1");
    expect(moreSevere("SEV3", "SEV2")).toBe("SEV2");
    expect(moreSevere("SEV3", "SEV3")).toBe("SEV3");
  });
});

describe("detectStuckPileUp", () => {
  const stuck = (n: number, opts?: { threshold: number }) =>
    detectStuckPileUp({ processKey: "loan", processName: "Loan approval", stuck: n, open: 40 }, opts);

  it("fires above the threshold, not at it: 10 stuck is quiet, 11 fires", () => {
    expect(stuck(10).firing).toBe(false);
    expect(stuck(11).firing).toBe(true);
  });

  it("SEV3, and SEV2 above 3× the threshold (30 → SEV3, 31 → SEV2)", () => {
    expect(stuck(30).severity).toBe("SEV3");
    expect(stuck(31).severity).toBe("SEV2");
  });

  it("a custom threshold of 3: 4 stuck fires, 10 is SEV2", () => {
    expect(stuck(3, { threshold: 3 }).firing).toBe(false);
    expect(stuck(4, { threshold: 3 })).toMatchObject({ firing: true, severity: "SEV3" });
    expect(stuck(10, { threshold: 3 }).severity).toBe("SEV2");
  });

  it("reads like a pager line, keyed by process", () => {
    expect(stuck(12)).toEqual({
      type: "stuck_cases",
      key: "loan",
      processKey: "loan",
      firing: true,
      severity: "SEV3",
      title: "12 stuck cases in Loan approval",
      summary: "12 of 40 open cases in Loan approval are stuck (incident above 10, SEV2 above 30).",
      details: { stuck: 12, open: 40, threshold: 10 },
    });
    expect(stuck(1).title).toBe("1 stuck case in Loan approval");
  });
});

describe("detectOutage", () => {
  const outage = (failures: number, attempts: number, provider: string | null = "bureau-b") =>
    detectOutage({ processKey: "loan", processName: "Loan approval", provider, state: "credit-check", attempts, failures });

  it("at least 20 failures: 19 of 19 is quiet, 20 of 20 fires", () => {
    expect(outage(19, 19).firing).toBe(false);
    expect(outage(20, 20).firing).toBe(true);
  });

  it("at least half the attempts: 20 of 40 (0.5) fires, 20 of 41 (0.488) is quiet", () => {
    expect(outage(20, 40).firing).toBe(true);
    expect(outage(20, 41).firing).toBe(false);
  });

  it("no attempts, no outage", () => {
    expect(outage(0, 0).firing).toBe(false);
  });

  it("SEV1 at exactly ratio 0.9 with at least 40 failures: 45 of 50 is SEV1, 36 of 40 (0.9 but 36 < 40) is SEV2", () => {
    expect(outage(45, 50).severity).toBe("SEV1");
    expect(outage(36, 40).severity).toBe("SEV2");
  });

  it("SEV1 needs both: 40 of 44 (0.909) is SEV1, 39 of 40 (0.975) and 40 of 45 (0.889) are SEV2", () => {
    expect(outage(40, 44).severity).toBe("SEV1");
    expect(outage(39, 40).severity).toBe("SEV2");
    expect(outage(40, 45).severity).toBe("SEV2");
  });

  it("custom thresholds", () => {
    const quiet = detectOutage(
      { processKey: "loan", processName: "Loan approval", provider: "bureau-b", state: "credit-check", attempts: 10, failures: 5 },
      { minFailures: 5, minRatio: 0.6, windowMinutes: 10 },
    );
    expect(quiet.firing).toBe(false);
    expect(quiet.title).toContain("failed in 10 min");
  });

  it("keys by provider, or by step when there is none", () => {
    expect(outage(37, 52).key).toBe("loan:bureau-b");
    expect(outage(37, 52, null).key).toBe("loan:step:credit-check");
  });

  it("reads like a pager line", () => {
    const f = outage(37, 52);
    expect(f).toMatchObject({ type: "dependency_outage", processKey: "loan", firing: true, severity: "SEV2" });
    expect(f.title).toBe("bureau-b outage in Loan approval: 37 of 52 credit-check attempts failed in 5 min");
    // 37 / 52 = 0.7115…
    expect(f.summary).toBe("71% of credit-check attempts on bureau-b failed in the last 5 min (incident at 20 failures and 50%).");
    expect(f.details).toMatchObject({ provider: "bureau-b", state: "credit-check", attempts: 52, failures: 37, windowMinutes: 5 });
    expect(outage(37, 52, null).title).toBe("credit-check step outage in Loan approval: 37 of 52 attempts failed in 5 min");
  });
});

describe("twoProportionZ", () => {
  it("30/100 vs 15/100 → z ≈ 2.540", () => {
    // p1 = 0.30, p2 = 0.15, pooled p = 45/200 = 0.225
    // p(1 − p) = 0.225 × 0.775 = 0.174375; × (1/100 + 1/100) = 0.0034875
    // √0.0034875 = 0.059055; z = (0.30 − 0.15) / 0.059055 = 2.5400
    expect(twoProportionZ(30, 100, 15, 100)).toBeCloseTo(2.54, 3);
  });

  it("17/100 vs 6/100 → z ≈ 2.438; the other way round it is negative", () => {
    // pooled p = 23/200 = 0.115; 0.115 × 0.885 × 0.02 = 0.0020355; √ = 0.045117; 0.11 / 0.045117 = 2.438
    expect(twoProportionZ(17, 100, 6, 100)).toBeCloseTo(2.438, 3);
    expect(twoProportionZ(6, 100, 17, 100)).toBeCloseTo(-2.438, 3);
  });

  it("is 0 when undefined: an empty sample, nothing failed, everything failed", () => {
    expect(twoProportionZ(0, 0, 5, 100)).toBe(0);
    expect(twoProportionZ(5, 100, 0, 0)).toBe(0);
    expect(twoProportionZ(0, 100, 0, 100)).toBe(0);
    expect(twoProportionZ(100, 100, 50, 50)).toBe(0);
  });
});

describe("detectVersionRegression", () => {
  const regression = (newFailed: number, newFinished: number, oldFailed: number, oldFinished: number) =>
    detectVersionRegression({
      processKey: "loan",
      processName: "Loan approval",
      newVersion: "1.5.0",
      oldVersion: "1.4.0",
      newFailed,
      newFinished,
      oldFailed,
      oldFinished,
    });

  it("fires at z ≥ 2.326: 17/100 vs 6/100 (z 2.438) fires, 16/100 vs 6/100 (z 2.260) does not", () => {
    expect(regression(17, 100, 6, 100).firing).toBe(true);
    expect(regression(16, 100, 6, 100).firing).toBe(false);
  });

  it("needs 30 finished cases on each version: 15/30 vs 3/30 (z 3.38) fires, with 29 on either side it does not", () => {
    expect(regression(15, 30, 3, 30).firing).toBe(true);
    expect(regression(15, 29, 3, 30).firing).toBe(false);
    expect(regression(15, 30, 3, 29).firing).toBe(false);
    expect(regression(15, 29, 3, 30).summary).toContain("too few to compare until each version has 30 finished cases");
  });

  it("a version failing less never fires, however significant", () => {
    expect(regression(6, 100, 30, 100).firing).toBe(false);
  });

  it("a stricter zCritical holds back the same numbers", () => {
    const input = { processKey: "loan", processName: "Loan approval", newVersion: "1.5.0", oldVersion: "1.4.0", newFailed: 17, newFinished: 100, oldFailed: 6, oldFinished: 100 };
    expect(detectVersionRegression(input, { minSample: 30, zCritical: 3.09 }).firing).toBe(false);
  });

  it("reads like a pager line, keyed by process and new version, SEV2", () => {
    const f = regression(18, 100, 6, 100);
    expect(f).toMatchObject({ type: "version_regression", key: "loan:1.5.0", processKey: "loan", firing: true, severity: "SEV2" });
    expect(f.title).toBe("Loan approval 1.5.0 fails more than 1.4.0 (18% vs 6%)");
    expect(f.summary).toBe("18 of 100 cases on 1.5.0 failed vs 6 of 100 on 1.4.0 over the same period; z = 2.61 (incident at 2.326).");
    expect(f.details).toMatchObject({ newRate: 0.18, oldRate: 0.06, minSample: 30, zCritical: 2.326 });
    expect(regression(1, 250, 3, 100).title).toBe("Loan approval 1.5.0 fails no more than 1.4.0 (0.4% vs 3%)");
  });
});

describe("detectSloBurn", () => {
  const alert = (tier: number, severity: "page" | "ticket", burnLong: number): OpenBurnAlert => ({
    tier,
    severity,
    factor: [14.4, 6, 3, 1][tier] ?? 1,
    burnLong,
    budgetRemaining: 0.62,
  });
  const burn = (openAlerts: OpenBurnAlert[]) =>
    detectSloBurn({ sloId: "slo_1", sloName: "Loan approval success", processKey: "loan", openAlerts });

  it("maps tiers: page tier 0 (14.4) → SEV1, page tier 1 (6) → SEV2, ticket → SEV3", () => {
    expect(burnAlertSeverity({ tier: 0, severity: "page" })).toBe("SEV1");
    expect(burnAlertSeverity({ tier: 1, severity: "page" })).toBe("SEV2");
    expect(burnAlertSeverity({ tier: 2, severity: "ticket" })).toBe("SEV3");
    expect(burn([alert(0, "page", 15.2)]).severity).toBe("SEV1");
    expect(burn([alert(1, "page", 7)]).severity).toBe("SEV2");
    expect(burn([alert(3, "ticket", 1.2)]).severity).toBe("SEV3");
  });

  it("several open tiers make one finding at the highest severity", () => {
    const f = burn([alert(3, "ticket", 1.4), alert(1, "page", 7.5), alert(2, "ticket", 3.3)]);
    expect(f).toMatchObject({ key: "slo_1", firing: true, severity: "SEV2" });
    expect(f.details).toMatchObject({ openTiers: 3, tier: 1, factor: 6, burnLong: 7.5 });
    expect(f.title).toBe("Loan approval success: error budget burning at 7.5× the sustainable rate (62% of the error budget left)");
    expect(f.summary).toBe("3 burn alerts open; the worst is a page tier (factor 6) burning at 7.5×.");
  });

  it("a spent budget says so", () => {
    expect(burn([{ ...alert(0, "page", 20), budgetRemaining: -0.1 }]).title).toBe(
      "Loan approval success: error budget burning at 20.0× the sustainable rate (error budget spent)",
    );
  });

  it("no open alert: clear", () => {
    expect(burn([])).toMatchObject({ type: "slo_burn", key: "slo_1", processKey: "loan", firing: false });
  });
});

describe("resolutionStep", () => {
  const at = (mmss: string) => new Date(`2025-03-10T10:${mmss}.000Z`);

  it("while firing there is no clear time and nothing resolves", () => {
    expect(resolutionStep(true, null, at("00:00"))).toEqual({ clearSince: null, resolve: false });
    expect(resolutionStep(true, at("00:00"), at("30:00"))).toEqual({ clearSince: null, resolve: false });
  });

  it("the first clear tick starts the clock", () => {
    expect(resolutionStep(false, null, at("00:00"))).toEqual({ clearSince: at("00:00"), resolve: false });
  });

  it("clear since 10:00: still open at 10:09:59, resolves at 10:10:00", () => {
    expect(resolutionStep(false, at("00:00"), at("09:59"))).toEqual({ clearSince: at("00:00"), resolve: false });
    expect(resolutionStep(false, at("00:00"), at("10:00"))).toEqual({ clearSince: at("00:00"), resolve: true });
  });

  it("a custom grace of 2 minutes", () => {
    expect(resolutionStep(false, at("00:00"), at("01:59"), 2).resolve).toBe(false);
    expect(resolutionStep(false, at("00:00"), at("02:00"), 2).resolve).toBe(true);
  });
});
