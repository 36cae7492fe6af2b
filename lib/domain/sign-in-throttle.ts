/**
 * Backoff for failed sign-ins: a few free failures, then each further failure blocks
 * for twice as long as the one before, up to a ceiling. Failures are forgotten after a
 * quiet period. Counted per account and per address (an address trying many accounts).
 */
export type ThrottlePolicy = { freeFailures: number; baseBlockSec: number; maxBlockSec: number; forgetAfterSec: number };

export const ACCOUNT_POLICY: ThrottlePolicy = { freeFailures: 5, baseBlockSec: 30, maxBlockSec: 15 * 60, forgetAfterSec: 24 * 3600 };
export const ADDRESS_POLICY: ThrottlePolicy = { freeFailures: 20, baseBlockSec: 60, maxBlockSec: 60 * 60, forgetAfterSec: 24 * 3600 };

export type ThrottleState = { failures: number; lastFailureAt: Date; blockedUntil: Date | null };

/** Seconds until another attempt is allowed (0: allowed now). */
export function retryAfterSec(state: ThrottleState | null, now: Date): number {
  if (!state?.blockedUntil) return 0;
  return Math.max(0, Math.ceil((state.blockedUntil.getTime() - now.getTime()) / 1000));
}

/** The state after one more failure at `now`. */
export function recordFailure(state: ThrottleState | null, policy: ThrottlePolicy, now: Date): ThrottleState {
  const forgotten = !state || now.getTime() - state.lastFailureAt.getTime() > policy.forgetAfterSec * 1000;
  const failures = (forgotten ? 0 : state.failures) + 1;
  const over = failures - policy.freeFailures;
  const blockSec = over > 0 ? Math.min(policy.maxBlockSec, policy.baseBlockSec * 2 ** (over - 1)) : 0;
  return { failures, lastFailureAt: now, blockedUntil: blockSec > 0 ? new Date(now.getTime() + blockSec * 1000) : null };
}
