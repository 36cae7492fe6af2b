/**
 * Backoff for failed sign-ins: a few free failures, then each further failure blocks
 * for twice as long as the one before, up to a ceiling. Failures are forgotten after a
 * quiet period. Counted per account and per address (an address trying many accounts).
 *
 * An attempt is counted as a failure before its password is compared (so a burst of
 * parallel guesses cannot all pass the check together) and released if it succeeds.
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

/** How long the `failures`-th failure blocks, in seconds (0 while failures are free). */
function blockSec(failures: number, policy: ThrottlePolicy): number {
  const over = failures - policy.freeFailures;
  return over > 0 ? Math.min(policy.maxBlockSec, policy.baseBlockSec * 2 ** (over - 1)) : 0;
}

function stateAfter(failures: number, lastFailureAt: Date, policy: ThrottlePolicy): ThrottleState {
  const sec = blockSec(failures, policy);
  return { failures, lastFailureAt, blockedUntil: sec > 0 ? new Date(lastFailureAt.getTime() + sec * 1000) : null };
}

/** The state after one more failure at `now`. */
export function recordFailure(state: ThrottleState | null, policy: ThrottlePolicy, now: Date): ThrottleState {
  const forgotten = !state || now.getTime() - state.lastFailureAt.getTime() > policy.forgetAfterSec * 1000;
  return stateAfter((forgotten ? 0 : state.failures) + 1, now, policy);
}

/**
 * Takes back one counted attempt that turned out to be a success: one failure fewer,
 * and the block that count implies (none once back within the free failures).
 */
export function releaseAttempt(state: ThrottleState, policy: ThrottlePolicy): ThrottleState {
  return stateAfter(Math.max(0, state.failures - 1), state.lastFailureAt, policy);
}
