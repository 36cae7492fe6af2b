/**
 * SLIs, error budgets and multiwindow, multi-burn-rate alerts (PRODUCT.md "SLIs",
 * "Error budgets and burn"; the SRE Workbook, "Alerting on SLOs"). Pure: the server
 * gathers the counts, these functions decide.
 */

export const SLI_TYPES = ["cycle_time", "stuck_ratio", "failure_rate", "retry_rate", "compensation_rate"] as const;
export type SliType = (typeof SLI_TYPES)[number];

export const SLO_WINDOW_DAYS = [7, 28, 30] as const;

/** The burn-rate windows Flowdeck computes, in seconds. */
export const BURN_WINDOWS = {
  "5m": 300,
  "30m": 1800,
  "1h": 3600,
  "2h": 7200,
  "6h": 21600,
  "1d": 86400,
  "3d": 259200,
} as const;
export type BurnWindow = keyof typeof BURN_WINDOWS;
export const BURN_WINDOW_NAMES = Object.keys(BURN_WINDOWS) as BurnWindow[];

export type Severity = "page" | "ticket";

/** A tier of the multiwindow alert: fires when both windows burn faster than its factor. */
export type AlertTier = { severity: Severity; longWindow: BurnWindow; shortWindow: BurnWindow; budgetShare: number };

/** The SRE Workbook's tiers: 2% of a 30-day budget in 1 h, 5% in 6 h, 10% in 1 d, 10% in 3 d. */
export const DEFAULT_TIERS: readonly AlertTier[] = [
  { severity: "page", longWindow: "1h", shortWindow: "5m", budgetShare: 0.02 },
  { severity: "page", longWindow: "6h", shortWindow: "30m", budgetShare: 0.05 },
  { severity: "ticket", longWindow: "1d", shortWindow: "2h", budgetShare: 0.1 },
  { severity: "ticket", longWindow: "3d", shortWindow: "6h", budgetShare: 0.1 },
];

export const DEFAULT_MIN_BAD_EVENTS = 5;

/** Events of a window: how many counted, how many of those were bad. */
export type Counts = { bad: number; total: number };

/**
 * The burn-rate factor of a tier for an SLO window: the rate that spends the tier's
 * share of the budget within its long window (factor = share × SLO window / long
 * window). For 30 days: 14.4, 6, 3, 1.
 */
export function tierFactor(tier: AlertTier, windowDays: number): number {
  return (tier.budgetShare * windowDays * 86400) / BURN_WINDOWS[tier.longWindow];
}

/** The fastest possible burn: every event bad. A factor above it can never be reached. */
export function maxBurnRate(objective: number): number {
  return 1 / errorBudget(objective);
}

/** The share of good events, or null without events. */
export function sliValue(c: Counts): number | null {
  return c.total === 0 ? null : (c.total - c.bad) / c.total;
}

/**
 * 1 − objective, rounded to 12 decimals: 1 − 0.999 is 0.0010000000000000009 in floating
 * point, which would leave a spent budget at +9e-16 instead of 0 (and out of a freeze).
 */
export function errorBudget(objective: number): number {
  return Math.round((1 - objective) * 1e12) / 1e12;
}

/** (bad / total) / (1 − objective); 0 without events. 1.0 spends the budget exactly over the SLO window. */
export function burnRate(c: Counts, objective: number): number {
  return c.total === 0 ? 0 : c.bad / (c.total * errorBudget(objective));
}

/** 1 − (bad / total) / (1 − objective) over the SLO window; may go negative (shown as it is). */
export function budgetRemaining(c: Counts, objective: number): number {
  return 1 - burnRate(c, objective);
}

export type TierState = {
  tier: AlertTier;
  factor: number;
  /** False when the factor exceeds the fastest possible burn: the tier can never fire. */
  reachable: boolean;
  burnLong: number;
  burnShort: number;
  badLong: number;
  firing: boolean;
};

/**
 * Each tier's state now. A tier fires when both its windows burn faster than its
 * factor and its long window holds at least `minBadEvents` bad events (so one failure
 * of a quiet process does not page); once firing it resolves only when its short
 * window drops below the factor.
 */
export function evaluateTiers(
  input: {
    tiers: readonly AlertTier[];
    objective: number;
    windowDays: number;
    minBadEvents: number;
    windows: Readonly<Record<BurnWindow, Counts>>;
  },
  firingBefore: ReadonlySet<number> = new Set(),
): TierState[] {
  return input.tiers.map((tier, i) => {
    const factor = tierFactor(tier, input.windowDays);
    const reachable = factor <= maxBurnRate(input.objective);
    const long = input.windows[tier.longWindow];
    const burnLong = burnRate(long, input.objective);
    const burnShort = burnRate(input.windows[tier.shortWindow], input.objective);
    const firing = !reachable
      ? false
      : firingBefore.has(i)
        ? burnShort >= factor
        : burnLong > factor && burnShort > factor && long.bad >= input.minBadEvents;
    return { tier, factor, reachable, burnLong, burnShort, badLong: long.bad, firing };
  });
}

export type SloHealth = "ok" | "warning" | "breaching";

/**
 * Breaching: the budget is spent or a page tier fires. Warning: a ticket tier fires,
 * or less than a quarter of the budget is left. Ok otherwise.
 */
export function sloHealth(budget: number, tiers: readonly TierState[]): SloHealth {
  if (budget <= 0 || tiers.some((t) => t.firing && t.tier.severity === "page")) return "breaching";
  if (budget < 0.25 || tiers.some((t) => t.firing)) return "warning";
  return "ok";
}

/** The statistics an SLI is computed from, summed over one window. */
export type WindowSums = {
  finished: number;
  completedWithin: number;
  badOutcome: number;
  retried: number;
  compensated: number;
  /** Stuck-ratio samples: the sums of open and of stuck cases over the window's ticks. */
  openSampled: number;
  stuckSampled: number;
};

/**
 * The SLI's events of a window (PRODUCT.md "SLIs"):
 * - cycle time: total = finished + open cases already past the target (counted bad
 *   now, not only when they finish); good = completed within the target;
 * - stuck ratio: the ticks' samples, bad = stuck, total = open;
 * - failure rate: bad = failed or needed an operator, of the finished;
 * - retries / compensations: bad = needed one, of the finished.
 */
export function sliCounts(sli: SliType, sums: WindowSums, openPastTarget = 0): Counts {
  switch (sli) {
    case "cycle_time":
      return { bad: sums.finished - sums.completedWithin + openPastTarget, total: sums.finished + openPastTarget };
    case "stuck_ratio":
      return { bad: sums.stuckSampled, total: sums.openSampled };
    case "failure_rate":
      return { bad: sums.badOutcome, total: sums.finished };
    case "retry_rate":
      return { bad: sums.retried, total: sums.finished };
    case "compensation_rate":
      return { bad: sums.compensated, total: sums.finished };
  }
}

/**
 * Release freeze (PRODUCT.md "Budget policy"): a process whose budget is spent on any
 * SLO, or that has an open page alert, may not promote a new version.
 */
export function inReleaseFreeze(budgets: readonly (number | null)[], openPageAlerts: number): boolean {
  return openPageAlerts > 0 || budgets.some((b) => b !== null && b <= 0);
}
