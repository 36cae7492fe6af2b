import "server-only";
import {
  BURN_WINDOW_NAMES,
  BURN_WINDOWS,
  budgetRemaining,
  burnRate,
  evaluateTiers,
  sliCounts,
  sliValue,
  sloHealth,
  type AlertTier,
  type BurnWindow,
  type Counts,
  type SliType,
  type SloHealth,
  type TierState,
} from "@/lib/domain/slo";
import { floorMinute } from "@/lib/domain/time-range";
import type { Tx } from "@/lib/server/context";
import { loadWindowSums } from "@/lib/server/slos/window-sums";

/** What an evaluation found, kept on the SLO and shown everywhere. */
export type SloStatus = {
  evaluatedAt: string;
  sli: number | null;
  window: Counts;
  budgetRemaining: number;
  burn: Record<BurnWindow, number>;
  tiers: (Omit<TierState, "tier"> & AlertTier)[];
  health: SloHealth;
  openPastTarget: number | null;
};

export type SloDefinition = {
  id: string;
  version: string | null;
  sli: SliType;
  targetSec: number | null;
  objective: number;
  windowDays: number;
  tiers: AlertTier[];
  minBadEvents: number;
};

/** Open cases of the process (one version, or all) that have been running longer than `targetSec`. */
export async function openPastTarget(tx: Tx, processId: string, version: string | null, targetSec: number, now: Date): Promise<number> {
  return tx.case.count({
    where: { processId, ...(version ? { version } : {}), openStartedAt: { lte: new Date(now.getTime() - targetSec * 1000) } },
  });
}

/**
 * Evaluates the SLOs of one process at `now` from its statistics (never from raw events):
 * the SLI and budget over each SLO's window, burn rates over every burn window, and each
 * alert tier's state given which tiers were firing before.
 */
export async function evaluateProcessSlos(
  tx: Tx,
  processId: string,
  slos: SloDefinition[],
  firingBefore: Map<string, Set<number>>,
  now: Date,
): Promise<Map<string, SloStatus>> {
  // Complete minutes only: the current minute is still filling.
  const to = floorMinute(now.getTime());
  const windows = [...Object.values(BURN_WINDOWS).map((s) => s * 1000), ...slos.map((s) => s.windowDays * 86_400_000)];
  const data = await loadWindowSums(tx, processId, to, windows);
  const out = new Map<string, SloStatus>();
  for (const slo of slos) {
    const past = slo.sli === "cycle_time" && slo.targetSec ? await openPastTarget(tx, processId, slo.version, slo.targetSec, now) : 0;
    const counts = (seconds: number) => sliCounts(slo.sli, data.sums(slo.version, seconds * 1000, slo.targetSec), past);
    const windowCounts = Object.fromEntries(BURN_WINDOW_NAMES.map((w) => [w, counts(BURN_WINDOWS[w])])) as Record<BurnWindow, Counts>;
    const total = counts(slo.windowDays * 86400);
    const tiers = evaluateTiers(
      { tiers: slo.tiers, objective: slo.objective, windowDays: slo.windowDays, minBadEvents: slo.minBadEvents, windows: windowCounts },
      firingBefore.get(slo.id),
    );
    const budget = budgetRemaining(total, slo.objective);
    out.set(slo.id, {
      evaluatedAt: now.toISOString(),
      sli: sliValue(total),
      window: total,
      budgetRemaining: budget,
      burn: Object.fromEntries(BURN_WINDOW_NAMES.map((w) => [w, burnRate(windowCounts[w], slo.objective)])) as Record<BurnWindow, number>,
      tiers: tiers.map(({ tier, ...state }) => ({ ...tier, ...state })),
      health: sloHealth(budget, tiers),
      openPastTarget: slo.sli === "cycle_time" ? past : null,
    });
  }
  return out;
}
