import { describe, it, expect } from "vitest";
import {
  ACCOUNT_POLICY,
  ADDRESS_POLICY,
  recordFailure,
  releaseAttempt,
  retryAfterSec,
  type ThrottlePolicy,
  type ThrottleState,
} from "@/lib/domain/sign-in-throttle";

const T0 = Date.UTC(2026, 2, 1, 9, 0, 0);
/** An instant `sec` seconds (and `ms` milliseconds) after T0. */
const at = (sec: number, ms = 0) => new Date(T0 + sec * 1000 + ms);

const POLICY: ThrottlePolicy = { freeFailures: 3, baseBlockSec: 10, maxBlockSec: 100, forgetAfterSec: 3600 };

/** The state after `n` failures one second apart, starting at T0. */
function failures(n: number, policy = POLICY): ThrottleState | null {
  let state: ThrottleState | null = null;
  for (let i = 0; i < n; i++) state = recordFailure(state, policy, at(i));
  return state;
}

/** The block (in seconds) the `n`-th failure causes, failures one second apart. */
function blockOfFailure(n: number, policy = POLICY): number {
  const s = failures(n, policy)!;
  return s.blockedUntil ? (s.blockedUntil.getTime() - s.lastFailureAt.getTime()) / 1000 : 0;
}

describe("the policies", () => {
  it("an account has 5 free failures, then 30 s doubling up to 15 min, forgotten after a day", () => {
    expect(ACCOUNT_POLICY).toEqual({ freeFailures: 5, baseBlockSec: 30, maxBlockSec: 900, forgetAfterSec: 86400 });
  });

  it("an address has 20 free failures, then 60 s doubling up to 1 h, forgotten after a day", () => {
    expect(ADDRESS_POLICY).toEqual({ freeFailures: 20, baseBlockSec: 60, maxBlockSec: 3600, forgetAfterSec: 86400 });
  });
});

describe("recordFailure", () => {
  it("the first failure counts one and does not block", () => {
    expect(recordFailure(null, POLICY, at(0))).toEqual({ failures: 1, lastFailureAt: at(0), blockedUntil: null });
  });

  it("the free failures do not block", () => {
    for (let n = 1; n <= POLICY.freeFailures; n++) {
      const s = failures(n)!;
      expect(s.failures).toBe(n);
      expect(s.blockedUntil).toBeNull();
      expect(retryAfterSec(s, s.lastFailureAt)).toBe(0);
    }
  });

  it("the first failure over the free count blocks for baseBlockSec", () => {
    const s = failures(POLICY.freeFailures + 1)!;
    expect(s.failures).toBe(4);
    expect(s.lastFailureAt).toEqual(at(3));
    expect(s.blockedUntil).toEqual(at(3 + 10));
  });

  it("each further failure blocks twice as long as the one before", () => {
    expect([4, 5, 6, 7].map((n) => blockOfFailure(n))).toEqual([10, 20, 40, 80]);
  });

  it("the block stops growing at maxBlockSec", () => {
    expect([7, 8, 9, 50].map((n) => blockOfFailure(n))).toEqual([80, 100, 100, 100]);
  });

  it("the ceiling holds for a very long run of failures (no overflow to Infinity)", () => {
    expect(blockOfFailure(2000)).toBe(100);
  });

  it("follows ACCOUNT_POLICY: 6th failure 30 s, then 60, 120, 240, 480, then 900 (not 960)", () => {
    expect([5, 6, 7, 8, 9, 10, 11, 12].map((n) => blockOfFailure(n, ACCOUNT_POLICY))).toEqual([
      0, 30, 60, 120, 240, 480, 900, 900,
    ]);
  });

  it("follows ADDRESS_POLICY: 21st failure 60 s, then 120 … up to 3600", () => {
    expect([20, 21, 22, 26, 27, 28].map((n) => blockOfFailure(n, ADDRESS_POLICY))).toEqual([
      0, 60, 120, 1920, 3600, 3600,
    ]);
  });

  it("the block starts at the failure's time", () => {
    const s = recordFailure(failures(3), POLICY, at(500, 250));
    expect(s.lastFailureAt).toEqual(at(500, 250));
    expect(s.blockedUntil).toEqual(at(510, 250));
  });

  it("keeps counting failures exactly forgetAfterSec after the last one", () => {
    const before = failures(4)!; // last failure at(3), blocked
    const s = recordFailure(before, POLICY, at(3 + POLICY.forgetAfterSec));
    expect(s.failures).toBe(5);
    expect(s.blockedUntil).toEqual(at(3 + POLICY.forgetAfterSec + 20));
  });

  it("forgets the failures 1 ms after forgetAfterSec: counts one again, unblocked", () => {
    const before = failures(4)!;
    const now = at(3 + POLICY.forgetAfterSec, 1);
    expect(recordFailure(before, POLICY, now)).toEqual({ failures: 1, lastFailureAt: now, blockedUntil: null });
  });

  it("measures the quiet period from the last failure, not the first", () => {
    let s = recordFailure(null, POLICY, at(0));
    s = recordFailure(s, POLICY, at(3000));
    s = recordFailure(s, POLICY, at(6000)); // 6000 s after the first, 3000 s after the last
    expect(s.failures).toBe(3);
  });

  it("does not change the state it is given", () => {
    const before = failures(4)!;
    const copy = structuredClone(before);
    recordFailure(before, POLICY, at(10));
    expect(before).toEqual(copy);
  });
});

describe("retryAfterSec", () => {
  const blocked: ThrottleState = { failures: 4, lastFailureAt: at(0), blockedUntil: at(10) };

  it("is 0 without a state", () => {
    expect(retryAfterSec(null, at(0))).toBe(0);
  });

  it("is 0 when the state is not blocked", () => {
    expect(retryAfterSec({ failures: 2, lastFailureAt: at(0), blockedUntil: null }, at(0))).toBe(0);
  });

  it("is the whole block right after the failure", () => {
    expect(retryAfterSec(blocked, at(0))).toBe(10);
  });

  it("rounds up to whole seconds", () => {
    expect(retryAfterSec(blocked, at(0, 1))).toBe(10); // 9.999 s
    expect(retryAfterSec(blocked, at(8, 999))).toBe(2); // 1.001 s
    expect(retryAfterSec(blocked, at(9))).toBe(1);
    expect(retryAfterSec(blocked, at(9, 999))).toBe(1); // 1 ms
  });

  it("is 0 when the block ends now or is over", () => {
    expect(retryAfterSec(blocked, at(10))).toBe(0);
    expect(retryAfterSec(blocked, at(10, 1))).toBe(0);
    expect(retryAfterSec(blocked, at(3600))).toBe(0);
  });

  it("agrees with recordFailure: the first blocking failure waits baseBlockSec", () => {
    const s = failures(ACCOUNT_POLICY.freeFailures + 1, ACCOUNT_POLICY)!;
    expect(retryAfterSec(s, s.lastFailureAt)).toBe(ACCOUNT_POLICY.baseBlockSec);
  });
});

describe("releaseAttempt", () => {
  it("takes back the attempt a success had reserved: within the free failures nothing stays blocked", () => {
    // The attempt that reaches one over the free count blocks; its success releases the block.
    const reserved = failures(POLICY.freeFailures + 1)!;
    expect(reserved.blockedUntil).not.toBeNull();
    expect(releaseAttempt(reserved, POLICY)).toEqual({ failures: POLICY.freeFailures, lastFailureAt: reserved.lastFailureAt, blockedUntil: null });
  });

  it("keeps the block the earlier failures earned", () => {
    const reserved = failures(POLICY.freeFailures + 3)!;
    const released = releaseAttempt(reserved, POLICY);
    expect(released.failures).toBe(POLICY.freeFailures + 2);
    // Two over the free count: twice the base block, from the last counted attempt.
    expect(released.blockedUntil).toEqual(new Date(reserved.lastFailureAt.getTime() + 2 * POLICY.baseBlockSec * 1000));
  });

  it("never counts below zero", () => {
    expect(releaseAttempt({ failures: 0, lastFailureAt: at(0), blockedUntil: null }, POLICY)).toEqual({ failures: 0, lastFailureAt: at(0), blockedUntil: null });
  });
});
