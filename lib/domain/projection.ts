import type { IncidentType } from "@/lib/domain/detectors";

/**
 * Counts read from the case projection (stuck, open) are only as current as the
 * projection. While it works through a backlog (a burst, an engine's backfill, a worker
 * that was down) a case may show an old state whose later events wait in the queue:
 * a loan that finished last week still "waits in manual review". Detectors and the
 * stuck-ratio sampling wait until the oldest queued batch is at most this old.
 */
export const PROJECTION_LAG_LIMIT_SEC = 30;

/** Detectors that count cases from the projection (the others read events or SLO alerts). */
export const PROJECTION_DETECTORS: readonly IncidentType[] = ["stuck_cases"];

/**
 * The detectors a round runs: those reading the projection sit out while it is behind,
 * neither opening nor resolving (a resolve on stale counts would be as wrong as an open).
 */
export function detectorsToRun(requested: readonly IncidentType[], projectionCurrent: boolean): IncidentType[] {
  return projectionCurrent ? [...requested] : requested.filter((t) => !PROJECTION_DETECTORS.includes(t));
}

/** Whether any of these detectors reads the projection (so the round must ask how current it is). */
export function readsProjection(types: readonly IncidentType[]): boolean {
  return types.some((t) => PROJECTION_DETECTORS.includes(t));
}

/** Whether the projection is current at `now`, given when its oldest queued batch was accepted (null: none queued). */
export function projectionIsCurrent(oldestQueuedAt: Date | null, now: Date, limitSec = PROJECTION_LAG_LIMIT_SEC): boolean {
  return oldestQueuedAt === null || now.getTime() - oldestQueuedAt.getTime() <= limitSec * 1000;
}
