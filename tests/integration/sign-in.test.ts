import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { ACCOUNT_POLICY, ADDRESS_POLICY } from "@/lib/domain/sign-in-throttle";
import { verifyCredentials } from "@/lib/server/auth/verify-credentials";
import { createUser } from "@/lib/server/users/create-user";
import { resetDatabase, systemCtx } from "../support/db";

const T0 = new Date("2026-11-26T10:00:00Z");
const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const password = "correct horse battery";

beforeAll(async () => {
  await resetDatabase();
  const ctx = await systemCtx();
  await createUser(ctx, { email: "ana@example.com", role: "on_call", password });
  await createUser(ctx, { email: "ben@example.com", role: "manager", password });
});

describe("verifyCredentials", () => {
  it("accepts the right password, case-insensitively for the email", async () => {
    const result = await verifyCredentials(await getDb(), { email: "Ana@Example.com", password, address: "10.0.0.1" }, T0);
    expect(result).toMatchObject({ ok: true, user: { email: "ana@example.com", role: "on_call" } });
  });

  it("refuses a wrong password and an unknown account alike", async () => {
    const db = await getDb();
    expect(await verifyCredentials(db, { email: "ana@example.com", password: "nope", address: null }, T0)).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials(db, { email: "nobody@example.com", password, address: null }, T0)).toEqual({ ok: false, reason: "invalid" });
  });

  it("backs off an account after repeated failures, even for the right password, then lets it in", async () => {
    const db = await getDb();
    const tries = (at: Date, pw = "wrong") => verifyCredentials(db, { email: "ben@example.com", password: pw, address: null }, at);
    for (let i = 0; i < ACCOUNT_POLICY.freeFailures; i++) expect(await tries(T0)).toEqual({ ok: false, reason: "invalid" });
    // The next failure blocks for the base time; meanwhile even the right password is refused.
    expect(await tries(T0)).toEqual({ ok: false, reason: "invalid" });
    expect(await tries(later(1), password)).toEqual({ ok: false, reason: "throttled", retryAfterSec: ACCOUNT_POLICY.baseBlockSec - 1 });
    expect(await tries(later(ACCOUNT_POLICY.baseBlockSec + 1), password)).toMatchObject({ ok: true });
    // Success clears the count.
    expect(await db.signInThrottle.findUnique({ where: { key: "account:ben@example.com" } })).toBeNull();
  });

  it("backs off an address that fails on many accounts", async () => {
    const db = await getDb();
    for (let i = 0; i < 21; i++) {
      await verifyCredentials(db, { email: `guess${i}@example.com`, password: "x", address: "203.0.113.9" }, T0);
    }
    const result = await verifyCredentials(db, { email: "ana@example.com", password, address: "203.0.113.9" }, later(1));
    expect(result).toMatchObject({ ok: false, reason: "throttled" });
    // Another address is not affected.
    expect(await verifyCredentials(db, { email: "ana@example.com", password, address: "203.0.113.10" }, later(1))).toMatchObject({ ok: true });
  });

  it("counts a burst of parallel guesses one by one: only the free failures and the one that blocks reach the password check", async () => {
    const db = await getDb();
    await createUser(await systemCtx(), { email: "cleo@example.com", role: "on_call", password });
    const burst = 12;
    const results = await Promise.all(
      Array.from({ length: burst }, () => verifyCredentials(db, { email: "cleo@example.com", password: "guess", address: null }, T0)),
    );
    const invalid = results.filter((r) => !r.ok && r.reason === "invalid").length;
    expect(invalid).toBe(ACCOUNT_POLICY.freeFailures + 1);
    expect(results.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(burst - invalid);
    expect(await db.signInThrottle.findUnique({ where: { key: "account:cleo@example.com" } })).toMatchObject({ failures: ACCOUNT_POLICY.freeFailures + 1 });
  });

  it("gives an address its attempt back on success, so people behind one address are not blocked by their own sign-ins", async () => {
    const db = await getDb();
    await createUser(await systemCtx(), { email: "dora@example.com", role: "on_call", password });
    const address = "198.51.100.7";
    for (let i = 0; i < ADDRESS_POLICY.freeFailures; i++) await verifyCredentials(db, { email: `typo${i}@example.com`, password: "x", address }, T0);
    // At the free limit: a success neither blocks the address nor adds to its count.
    for (let i = 0; i < 3; i++) expect(await verifyCredentials(db, { email: "dora@example.com", password, address }, later(i))).toMatchObject({ ok: true });
    expect(await db.signInThrottle.findUnique({ where: { key: `ip:${address}` } })).toMatchObject({ failures: ADDRESS_POLICY.freeFailures, blockedUntil: null });
  });

  it("refuses a disabled user", async () => {
    const db = await getDb();
    await db.user.update({ where: { email: "ana@example.com" }, data: { disabledAt: T0 } });
    expect(await verifyCredentials(db, { email: "ana@example.com", password, address: null }, later(5))).toEqual({ ok: false, reason: "invalid" });
  });
});
