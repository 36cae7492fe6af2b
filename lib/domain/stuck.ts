import { isOpen, type CaseStatus } from "@/lib/domain/case";

/** A process's stuck thresholds: a default and optional per-state overrides, in seconds. */
export type StuckPolicy = {
  defaultThresholdSec: number;
  stateThresholds: Readonly<Record<string, number>>;
};

export const DEFAULT_STUCK_THRESHOLD_SEC = 2 * 60 * 60;

type CasePosition = { status: CaseStatus; state: string | null; stateEnteredAt: Date };

export function thresholdFor(policy: StuckPolicy, state: string | null): number {
  // Own keys only: a state named "constructor" must not find Object.prototype's.
  if (state === null || !Object.hasOwn(policy.stateThresholds, state)) return policy.defaultThresholdSec;
  return policy.stateThresholds[state] ?? policy.defaultThresholdSec;
}

/** The instant an open case becomes stuck if it stays where it is; null when it is finished. */
export function stuckAfter(c: CasePosition, policy: StuckPolicy): Date | null {
  if (!isOpen(c.status)) return null;
  return new Date(c.stateEnteredAt.getTime() + thresholdFor(policy, c.state) * 1000);
}

export type StuckStatus = {
  stuck: boolean;
  /** Seconds in the current state (up to the finish for finished cases: 0). */
  inStateSec: number;
  /** Seconds in the current state while stuck, else 0. */
  stuckForSec: number;
  thresholdSec: number;
};

/**
 * A case is stuck when it is open and has been in its current state longer than that
 * state's threshold (the process default when the state has none). Waiting on a human
 * counts: a waiting case is open.
 */
export function stuckStatus(c: CasePosition, policy: StuckPolicy, now: Date): StuckStatus {
  const thresholdSec = thresholdFor(policy, c.state);
  if (!isOpen(c.status)) return { stuck: false, inStateSec: 0, stuckForSec: 0, thresholdSec };
  const inStateSec = Math.max(0, Math.floor((now.getTime() - c.stateEnteredAt.getTime()) / 1000));
  const stuck = now.getTime() - c.stateEnteredAt.getTime() > thresholdSec * 1000;
  return { stuck, inStateSec, stuckForSec: stuck ? inStateSec : 0, thresholdSec };
}

/** The same verdict from a stored `stuckAfter` instant (cases.stuck_after), so lists and filters agree. */
export function stuckStatusFromInstant(
  c: { stateEnteredAt: Date; stuckAfter: Date | null },
  now: Date,
): StuckStatus | null {
  if (c.stuckAfter === null) return null;
  const thresholdSec = Math.round((c.stuckAfter.getTime() - c.stateEnteredAt.getTime()) / 1000);
  const inStateSec = Math.max(0, Math.floor((now.getTime() - c.stateEnteredAt.getTime()) / 1000));
  const stuck = now.getTime() > c.stuckAfter.getTime();
  return { stuck, inStateSec, stuckForSec: stuck ? inStateSec : 0, thresholdSec };
}
