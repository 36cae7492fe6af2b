import "server-only";
import { verifyPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import {
  ACCOUNT_POLICY,
  ADDRESS_POLICY,
  recordFailure,
  releaseAttempt,
  retryAfterSec,
  type ThrottlePolicy,
  type ThrottleState,
} from "@/lib/domain/sign-in-throttle";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/context";

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string; role: Role } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSec: number };

// Compared against when the account does not exist, so both paths take as long.
const DUMMY_HASH = "$2b$12$ghz.YaxztVD3IdaE7LUem.7nWGC3.mxCkL5PQeu219r1XbSLGt.fu";

type Keys = [string, ThrottlePolicy][];
type Row = ThrottleState & { key: string };

/** Locks the throttle rows of `keys` (creating them), in key order so two attempts never deadlock. */
async function lockRows(tx: Tx, keys: Keys, now: Date): Promise<Row[]> {
  await tx.signInThrottle.createMany({ data: keys.map(([key]) => ({ key, failures: 0, lastFailureAt: now })), skipDuplicates: true });
  const names = keys.map(([key]) => key);
  return tx.$queryRaw<Row[]>`
    SELECT key, failures, last_failure_at AS "lastFailureAt", blocked_until AS "blockedUntil"
      FROM sign_in_throttle WHERE key IN (${Prisma.join(names)}) ORDER BY key FOR UPDATE`;
}

/**
 * Counts the attempt against every key before the password is compared, or answers how
 * long to wait while one is blocked (then nothing is counted). Counting first under row
 * locks means N parallel guesses count N and the one over the limit is already refused.
 */
async function reserveAttempt(db: Db, keys: Keys, now: Date): Promise<number> {
  return db.$transaction(async (tx) => {
    const rows = await lockRows(tx, keys, now);
    const wait = Math.max(0, ...rows.map((s) => retryAfterSec(s, now)));
    if (wait > 0) return wait;
    for (const [key, policy] of keys) {
      const next = recordFailure(rows.find((r) => r.key === key) ?? null, policy, now);
      await tx.signInThrottle.update({ where: { key }, data: next });
    }
    return 0;
  });
}

/** A success: the account's count is cleared, the address gets its attempt back. */
async function releaseAttempts(db: Db, keys: Keys, now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    const rows = await lockRows(tx, keys, now);
    for (const [key, policy] of keys) {
      const row = rows.find((r) => r.key === key)!;
      if (key.startsWith("account:")) await tx.signInThrottle.delete({ where: { key } });
      else await tx.signInThrottle.update({ where: { key }, data: releaseAttempt(row, policy) });
    }
  });
}

/**
 * Checks an email and password. While the account or the address is blocked by the
 * backoff, the password is not even compared (no oracle for a guesser). Each attempt
 * counts as a failure against both until it succeeds; success clears the account's
 * count and gives the address its attempt back.
 */
export async function verifyCredentials(
  db: Db,
  input: { email: string; password: string; address: string | null },
  now = new Date(),
): Promise<SignInResult> {
  const keys: Keys = [[`account:${input.email.toLowerCase()}`, ACCOUNT_POLICY]];
  if (input.address) keys.push([`ip:${input.address}`, ADDRESS_POLICY]);
  const wait = await reserveAttempt(db, keys, now);
  if (wait > 0) return { ok: false, reason: "throttled", retryAfterSec: wait };

  const user = await db.user.findUnique({
    where: { email: input.email.toLowerCase() },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, disabledAt: true },
  });
  const matches = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (user && matches && !user.disabledAt) {
    await releaseAttempts(db, keys, now);
    return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
  }
  return { ok: false, reason: "invalid" };
}
