/**
 * Incident rules (PRODUCT.md "Runbooks"): each detector turns counts the server
 * gathered for one key into a finding, firing or clear. Pure: the worker opens,
 * updates and resolves incidents from the findings.
 */
import { SEVERITIES, type Severity } from "@/lib/domain/escalation";

export const INCIDENT_TYPES = ["slo_burn", "stuck_cases", "dependency_outage", "version_regression"] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

/** What a detector saw for one key this tick. */
export type Finding = {
  type: IncidentType;
  key: string;
  processKey: string;
  firing: boolean;
  severity: Severity;
  title: string;
  summary: string;
  details: Record<string, number | string | null>;
};

/** SEV1 is the most severe. */
export function moreSevere(a: Severity, b: Severity): Severity {
  return SEVERITIES.indexOf(a) <= SEVERITIES.indexOf(b) ? a : b;
}

/** 18% / 6% / 0.4%: whole percents, one decimal below 10 %. */
function percent(ratio: number): string {
  const value = ratio * 100;
  return `${Number(value.toFixed(Math.abs(value) < 10 ? 1 : 0))}%`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

// --- (b) stuck pile-up ---------------------------------------------------------------

export type StuckOptions = { threshold: number };
export const STUCK_DEFAULTS: Readonly<StuckOptions> = { threshold: 10 };

/** Fires when more than `threshold` open cases of a process are stuck; SEV2 beyond 3× the threshold. */
export function detectStuckPileUp(
  input: { processKey: string; processName: string; stuck: number; open: number },
  opts: Partial<StuckOptions> = {},
): Finding {
  const { threshold } = { ...STUCK_DEFAULTS, ...opts };
  return {
    type: "stuck_cases",
    key: input.processKey,
    processKey: input.processKey,
    firing: input.stuck > threshold,
    severity: input.stuck > 3 * threshold ? "SEV2" : "SEV3",
    title: `${plural(input.stuck, "stuck case", "stuck cases")} in ${input.processName}`,
    summary: `${input.stuck} of ${input.open} open cases in ${input.processName} are stuck (incident above ${threshold}, SEV2 above ${3 * threshold}).`,
    details: { stuck: input.stuck, open: input.open, threshold },
  };
}

// --- (c) dependency outage -----------------------------------------------------------

export type OutageOptions = { minFailures: number; minRatio: number; windowMinutes: number };
export const OUTAGE_DEFAULTS: Readonly<OutageOptions> = { minFailures: 20, minRatio: 0.5, windowMinutes: 5 };

/**
 * Failed attempts of one provider (or of one step without a provider) in the window:
 * fires at `minFailures` failures that are at least `minRatio` of the attempts; SEV1
 * when nearly everything fails (ratio ≥ 0.9) at twice the minimum.
 */
export function detectOutage(
  input: { processKey: string; processName: string; provider: string | null; state: string; attempts: number; failures: number },
  opts: Partial<OutageOptions> = {},
): Finding {
  const o = { ...OUTAGE_DEFAULTS, ...opts };
  // Division, not minRatio × attempts: 20/40 is exactly the double 0.5 the option holds.
  const ratio = input.attempts > 0 ? input.failures / input.attempts : 0;
  const firing = input.failures >= o.minFailures && ratio >= o.minRatio;
  const severity: Severity = ratio >= 0.9 && input.failures >= 2 * o.minFailures ? "SEV1" : "SEV2";
  const subject = input.provider ?? `${input.state} step`;
  const attempts = input.provider ? `${input.state} attempts` : "attempts";
  return {
    type: "dependency_outage",
    key: `${input.processKey}:${input.provider ?? `step:${input.state}`}`,
    processKey: input.processKey,
    firing,
    severity,
    title: `${subject} outage in ${input.processName}: ${input.failures} of ${input.attempts} ${attempts} failed in ${o.windowMinutes} min`,
    summary:
      `${percent(ratio)} of ${attempts} ${input.provider ? `on ${input.provider} ` : ""}failed in the last ${o.windowMinutes} min ` +
      `(incident at ${o.minFailures} failures and ${percent(o.minRatio)}).`,
    details: {
      provider: input.provider,
      state: input.state,
      attempts: input.attempts,
      failures: input.failures,
      ratio,
      windowMinutes: o.windowMinutes,
      minFailures: o.minFailures,
      minRatio: o.minRatio,
    },
  };
}

// --- (d) version regression ----------------------------------------------------------

export type RegressionOptions = { minSample: number; zCritical: number };
/** zCritical 2.326: the one-sided 1 % point of the standard normal. */
export const REGRESSION_DEFAULTS: Readonly<RegressionOptions> = { minSample: 30, zCritical: 2.326 };

/**
 * The pooled two-proportion z statistic for "p1 > p2":
 * z = (p1 − p2) / √(p(1 − p)(1/n1 + 1/n2)), p = (x1 + x2) / (n1 + n2).
 * 0 when undefined (an empty sample, or p of 0 or 1: no variance to test against).
 */
export function twoProportionZ(x1: number, n1: number, x2: number, n2: number): number {
  if (n1 <= 0 || n2 <= 0) return 0;
  const pooled = (x1 + x2) / (n1 + n2);
  if (pooled <= 0 || pooled >= 1) return 0;
  return (x1 / n1 - x2 / n2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
}

/**
 * Cases started on the newest version since it went live vs the previous version over
 * the same period: fires when both have `minSample` finished cases and the new one
 * fails significantly more often (one-sided z-test).
 */
export function detectVersionRegression(
  input: {
    processKey: string;
    processName: string;
    newVersion: string;
    oldVersion: string;
    newFailed: number;
    newFinished: number;
    oldFailed: number;
    oldFinished: number;
  },
  opts: Partial<RegressionOptions> = {},
): Finding {
  const o = { ...REGRESSION_DEFAULTS, ...opts };
  const newRate = input.newFinished > 0 ? input.newFailed / input.newFinished : 0;
  const oldRate = input.oldFinished > 0 ? input.oldFailed / input.oldFinished : 0;
  const enough = input.newFinished >= o.minSample && input.oldFinished >= o.minSample;
  const z = twoProportionZ(input.newFailed, input.newFinished, input.oldFailed, input.oldFinished);
  const firing = enough && newRate > oldRate && z >= o.zCritical;
  const versions = `${input.processName} ${input.newVersion} fails ${newRate > oldRate ? "more" : "no more"} than ${input.oldVersion}`;
  const compared =
    `${input.newFailed} of ${input.newFinished} cases on ${input.newVersion} failed vs ` +
    `${input.oldFailed} of ${input.oldFinished} on ${input.oldVersion} over the same period`;
  return {
    type: "version_regression",
    key: `${input.processKey}:${input.newVersion}`,
    processKey: input.processKey,
    firing,
    severity: "SEV2",
    title: `${versions} (${percent(newRate)} vs ${percent(oldRate)})`,
    summary: enough
      ? `${compared}; z = ${z.toFixed(2)} (incident at ${o.zCritical}).`
      : `${compared}; too few to compare until each version has ${o.minSample} finished cases.`,
    details: {
      newVersion: input.newVersion,
      oldVersion: input.oldVersion,
      newFailed: input.newFailed,
      newFinished: input.newFinished,
      newRate,
      oldFailed: input.oldFailed,
      oldFinished: input.oldFinished,
      oldRate,
      z,
      minSample: o.minSample,
      zCritical: o.zCritical,
    },
  };
}

// --- (a) SLO burn --------------------------------------------------------------------

export type OpenBurnAlert = { tier: number; severity: "page" | "ticket"; factor: number; burnLong: number; budgetRemaining: number };

/**
 * The incident severity of an open alert. `tier` is the 0-based index stored on the
 * alert (lib/server/slos/evaluate-slos.ts), so tier 0 is the first, fastest tier (14.4).
 */
export function burnAlertSeverity(alert: Pick<OpenBurnAlert, "tier" | "severity">): Severity {
  if (alert.severity === "ticket") return "SEV3";
  return alert.tier === 0 ? "SEV1" : "SEV2";
}

/** The open alert tiers of one SLO as one finding, at the most severe tier's severity. */
export function detectSloBurn(input: { sloId: string; sloName: string; processKey: string; openAlerts: readonly OpenBurnAlert[] }): Finding {
  // The worst alert: most severe, then the fastest burn.
  const worst = [...input.openAlerts].sort(
    (a, b) => SEVERITIES.indexOf(burnAlertSeverity(a)) - SEVERITIES.indexOf(burnAlertSeverity(b)) || b.burnLong - a.burnLong,
  )[0];
  const base = { type: "slo_burn" as const, key: input.sloId, processKey: input.processKey };
  if (!worst) {
    return {
      ...base,
      firing: false,
      severity: "SEV3",
      title: `${input.sloName}: no burn alert open`,
      summary: "No burn-rate alert is open.",
      details: { sloId: input.sloId, openTiers: 0 },
    };
  }
  const left = worst.budgetRemaining > 0 ? `${percent(worst.budgetRemaining)} of the error budget left` : "error budget spent";
  return {
    ...base,
    firing: true,
    severity: burnAlertSeverity(worst),
    // "at N×", not "N× too fast": an alert stays open a while after the burn drops below 1×.
    title: `${input.sloName}: error budget burning at ${worst.burnLong.toFixed(1)}× the sustainable rate (${left})`,
    summary:
      `${plural(input.openAlerts.length, "burn alert", "burn alerts")} open; the worst is a ${worst.severity} tier ` +
      `(factor ${worst.factor}) burning at ${worst.burnLong.toFixed(1)}×.`,
    details: {
      sloId: input.sloId,
      openTiers: input.openAlerts.length,
      tier: worst.tier,
      alertSeverity: worst.severity,
      factor: worst.factor,
      burnLong: worst.burnLong,
      budgetRemaining: worst.budgetRemaining,
    },
  };
}

// --- auto-resolve --------------------------------------------------------------------

export const RESOLVE_GRACE_MINUTES = 10;

/**
 * An open incident resolves once its condition has been clear for `graceMinutes`, so a
 * flapping signal does not open and resolve every tick. A firing tick resets the clock.
 */
export function resolutionStep(
  firing: boolean,
  clearSince: Date | null,
  now: Date,
  graceMinutes: number = RESOLVE_GRACE_MINUTES,
): { clearSince: Date | null; resolve: boolean } {
  if (firing) return { clearSince: null, resolve: false };
  const since = clearSince ?? now;
  return { clearSince: since, resolve: now.getTime() - since.getTime() >= graceMinutes * 60_000 };
}
