import "server-only";
import { verifyPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import {
  ACCOUNT_POLICY,
  ADDRESS_POLICY,
  recordFailure,
  retryAfterSec,
  type ThrottlePolicy,
} from "@/lib/domain/sign-in-throttle";

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string; role: Role } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSec: number };

// Compared against when the account does not exist, so both paths take as long.
const DUMMY_HASH = "$2b$12$ghz.YaxztVD3IdaE7LUem.7nWGC3.mxCkL5PQeu219r1XbSLGt.fu";

/**
 * Checks an email and password. While the account or the address is blocked by the
 * backoff, the password is not even compared (no oracle for a guesser). Failures
 * count against both; success clears the account's count.
 */
export async function verifyCredentials(
  db: Db,
  input: { email: string; password: string; address: string | null },
  now = new Date(),
): Promise<SignInResult> {
  const keys: [string, ThrottlePolicy][] = [[`account:${input.email.toLowerCase()}`, ACCOUNT_POLICY]];
  if (input.address) keys.push([`ip:${input.address}`, ADDRESS_POLICY]);
  const states = await db.signInThrottle.findMany({ where: { key: { in: keys.map(([k]) => k) } } });
  const wait = Math.max(0, ...states.map((s) => retryAfterSec(s, now)));
  if (wait > 0) return { ok: false, reason: "throttled", retryAfterSec: wait };

  const user = await db.user.findUnique({
    where: { email: input.email.toLowerCase() },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, disabledAt: true },
  });
  const matches = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (user && matches && !user.disabledAt) {
    await db.signInThrottle.deleteMany({ where: { key: keys[0]![0] } });
    return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
  }
  await db.$transaction(
    keys.map(([key, policy]) => {
      const next = recordFailure(states.find((s) => s.key === key) ?? null, policy, now);
      return db.signInThrottle.upsert({ where: { key }, create: { key, ...next }, update: next });
    }),
  );
  return { ok: false, reason: "invalid" };
}
