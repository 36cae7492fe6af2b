import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as retryRoute } from "@/app/api/v1/commands/[id]/retry/route";
import { GET as pullRoute } from "@/app/api/v1/commands/route";
import { generateWebhookSecret, signatureMatches } from "@/lib/auth/signature";
import { getDb } from "@/lib/db";
import { retryDelaySec } from "@/lib/domain/delivery";
import { AppError } from "@/lib/errors";
import type { Ctx } from "@/lib/server/context";
import { deliverWebhooks } from "@/lib/server/commands/deliver-webhooks";
import { requestCaseCommand } from "@/lib/server/commands/request-case-command";
import { retryDeadCommand } from "@/lib/server/commands/retry-command";
import { createKey, resetDatabase, systemCtx } from "../support/db";
import { call } from "../support/http";
import { defineLoanApproval, ingestAs, requestId, stalledCase, userCtx } from "../support/outbox";

/**
 * A local engine receiving webhooks, as a real one would: it checks `X-Flowdeck-Signature`
 * (sha256=<hex HMAC-SHA256 of the raw body with the secret it shares with Flowdeck, API.md)
 * itself, without Flowdeck's code, and answers 401 to a missing or wrong one; a signed
 * request gets `answer`. It records every request with what it answered.
 */
type Received = { method: string; headers: IncomingHttpHeaders; body: string; status: number };
const received: Received[] = [];
let answer = 200;
let receiverSecret = ""; // the secret the engine holds; each test's source gets it too
let server: Server;
let hookUrl: string;

function signedBySharedSecret(raw: Buffer, header: string | string[] | undefined): boolean {
  if (typeof header !== "string" || !header.startsWith("sha256=")) return false;
  const given = Buffer.from(header.slice("sha256=".length), "hex");
  const expected = createHmac("sha256", receiverSecret).update(raw).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      const status = signedBySharedSecret(raw, req.headers["x-flowdeck-signature"]) ? answer : 401;
      received.push({ method: req.method ?? "", headers: req.headers, body: raw.toString("utf8"), status });
      res.statusCode = status;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/flowdeck/commands`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
});

const SEC = 1000;
const HOUR = 3600 * SEC;
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);

let token: string;
let secret: string;
let oncall: Ctx;
let commandId: string;
let system: Ctx;

/** loan-1 of a source with a webhook, with a restart requested by an on-call engineer. */
beforeEach(async () => {
  received.length = 0;
  answer = 200;
  await resetDatabase();
  system = await systemCtx();
  await defineLoanApproval();
  let sourceId: string;
  ({ token, sourceId } = await createKey(["ingest", "commands", "read"]));
  oncall = await userCtx("on_call");
  await ingestAs(token, stalledCase("loan-1"));
  secret = generateWebhookSecret();
  receiverSecret = secret;
  await (await getDb()).source.update({ where: { id: sourceId }, data: { webhookUrl: hookUrl, webhookSecret: secret } });
  ({
    command: { id: commandId },
  } = await requestCaseCommand(oncall, { type: "restart_step", requestId: requestId(), reason: "bureau-a recovered", caseId: "loan-1" }));
});

const deliver = async (now?: Date, post?: typeof fetch) => deliverWebhooks(system, { ...(now ? { now } : {}), ...(post ? { post } : {}) });
const row = async () => (await getDb()).command.findUniqueOrThrow({ where: { id: commandId } });
const pull = async () => {
  const res = await call(pullRoute, "GET", "/api/v1/commands", { token });
  expect(res.status).toBe(200);
  return res.body!.commands as unknown[];
};

describe("webhook delivery of commands", () => {
  it("POSTs the engine command signed with the source's secret, and marks it delivered", async () => {
    const now = new Date();
    expect(await deliver(now)).toEqual({ delivered: 1, failed: 0, deadLettered: 0 });

    expect(received).toHaveLength(1);
    const [hit] = received;
    expect(hit!.status).toBe(200); // the receiver checked the signature itself
    expect(hit!.method).toBe("POST");
    expect(hit!.headers["content-type"]).toBe("application/json");
    const before = await row();
    expect(JSON.parse(hit!.body)).toEqual({
      id: commandId,
      type: "restart_step",
      caseId: "loan-1",
      process: "loan-approval",
      state: "credit-check",
      idempotencyKey: "loan-1-cc-2",
      params: {},
      requestedAt: before.requestedAt.toISOString(),
      requestedBy: "on.call@flowdeck.test",
      reason: "bureau-a recovered",
    });
    const signature = hit!.headers["x-flowdeck-signature"] as string;
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(signatureMatches(secret, hit!.body, signature)).toBe(true);
    expect(signatureMatches(generateWebhookSecret(), hit!.body, signature)).toBe(false);
    expect(signatureMatches(secret, hit!.body.replace("bureau-a", "bureau-b"), signature)).toBe(false);

    expect(before).toMatchObject({ status: "delivered", attempts: 1, leaseUntil: null, lastError: null, deadAt: null });
    expect(before.deliveredAt?.toISOString()).toBe(now.toISOString());
    // Delivered, so neither the next round nor a pull hands it out again.
    expect(await deliver(later(now, 30 * SEC))).toEqual({ delivered: 0, failed: 0, deadLettered: 0 });
    expect(received).toHaveLength(1);
  });

  it("delivers again after 60 s without an acknowledgement, and not once acknowledged", async () => {
    const now = new Date();
    await deliver(now);
    expect(await deliver(later(now, 61 * SEC))).toMatchObject({ delivered: 1 });
    expect(received).toHaveLength(2);
    expect((await row()).attempts).toBe(2);

    await (await getDb()).command.update({ where: { id: commandId }, data: { status: "succeeded", acknowledgedAt: now } });
    expect(await deliver(later(now, 10 * 60 * SEC))).toMatchObject({ delivered: 0 });
    expect(received).toHaveLength(2);
  });

  it("is refused (401) by a receiver that does not share the secret: a failed attempt, retried, never delivered", async () => {
    receiverSecret = generateWebhookSecret(); // e.g. the engine was given another source's secret
    const first = new Date();
    expect(await deliver(first)).toEqual({ delivered: 0, failed: 1, deadLettered: 0 });
    expect(received.map((r) => r.status)).toEqual([401]);
    let r = await row();
    expect(r).toMatchObject({ status: "requested", attempts: 1, lastError: "the receiver answered 401", deliveredAt: null, deadAt: null, leaseUntil: null });
    expect(r.nextAttemptAt.toISOString()).toBe(later(first, retryDelaySec(1) * SEC).toISOString());
    // Not handed to the engine another way meanwhile: the command is still waiting for delivery.
    expect(await deliver(later(first, retryDelaySec(1) * SEC - 1))).toEqual({ delivered: 0, failed: 0, deadLettered: 0 });

    // Retried once due; refused again while the secrets differ.
    expect(await deliver(r.nextAttemptAt)).toEqual({ delivered: 0, failed: 1, deadLettered: 0 });
    r = await row();
    expect(r).toMatchObject({ status: "requested", attempts: 2, deliveredAt: null });
    expect(received.map((x) => x.status)).toEqual([401, 401]);

    // Once the engine holds the source's secret, the next retry is accepted.
    receiverSecret = secret;
    expect(await deliver(r.nextAttemptAt)).toEqual({ delivered: 1, failed: 0, deadLettered: 0 });
    expect(received.map((x) => x.status)).toEqual([401, 401, 200]);
    expect(await row()).toMatchObject({ status: "delivered", attempts: 3, lastError: null });
  });

  it("is refused (401) when the signature is missing or does not match the body", async () => {
    const unsigned: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      headers.delete("x-flowdeck-signature");
      return fetch(input, { ...init, headers });
    };
    expect(await deliver(new Date(), unsigned)).toMatchObject({ delivered: 0, failed: 1 });
    expect(received[0]!.headers["x-flowdeck-signature"]).toBeUndefined();
    expect(received[0]!.status).toBe(401);

    const altered: typeof fetch = (input, init) => fetch(input, { ...init, body: String(init?.body).replace("bureau-a recovered", "bureau-a is down!") });
    const due = (await row()).nextAttemptAt;
    expect(await deliver(due, altered)).toMatchObject({ delivered: 0, failed: 1 });
    expect(received[1]!.status).toBe(401);
    expect(received[1]!.body).toContain("bureau-a is down!");
    expect(await row()).toMatchObject({ status: "requested", attempts: 2, lastError: "the receiver answered 401", deliveredAt: null });
  });

  it("does not deliver commands of a source without a webhook", async () => {
    const { token: plain } = await createKey(["ingest", "commands"]);
    await ingestAs(plain, stalledCase("loan-2"));
    const { command } = await requestCaseCommand(oncall, { type: "cancel", requestId: requestId(), reason: "duplicate application", caseId: "loan-2" });
    expect(await deliver()).toEqual({ delivered: 1, failed: 0, deadLettered: 0 });
    expect(received.map((r) => (JSON.parse(r.body) as { id: string }).id)).toEqual([commandId]);
    expect(await (await getDb()).command.findUniqueOrThrow({ where: { id: command.id } })).toMatchObject({ status: "requested", attempts: 0 });
  });

  it("counts a failed attempt on a 500 and backs off per retryDelaySec, then delivers", async () => {
    answer = 500;
    const first = new Date();
    expect(await deliver(first)).toEqual({ delivered: 0, failed: 1, deadLettered: 0 });
    let r = await row();
    expect(r).toMatchObject({ status: "requested", attempts: 1, lastError: "the receiver answered 500", leaseUntil: null, deadAt: null, deliveredAt: null });
    expect(r.nextAttemptAt.toISOString()).toBe(later(first, retryDelaySec(1) * SEC).toISOString());

    // Not due before the backoff has passed.
    expect(await deliver(later(first, retryDelaySec(1) * SEC - 1))).toEqual({ delivered: 0, failed: 0, deadLettered: 0 });
    expect(received).toHaveLength(1);

    const second = r.nextAttemptAt;
    expect(await deliver(second)).toMatchObject({ failed: 1 });
    r = await row();
    expect(r.attempts).toBe(2);
    expect(r.nextAttemptAt.toISOString()).toBe(later(second, retryDelaySec(2) * SEC).toISOString());
    expect(retryDelaySec(2)).toBeGreaterThan(retryDelaySec(1));

    answer = 204;
    expect(await deliver(r.nextAttemptAt)).toMatchObject({ delivered: 1 });
    expect(await row()).toMatchObject({ status: "delivered", attempts: 3, lastError: null });
    expect(received).toHaveLength(3);
  });

  it("records an unreachable receiver as a failed attempt", async () => {
    const refused: typeof fetch = () => Promise.reject(new Error("connect ECONNREFUSED"));
    expect(await deliver(new Date(), refused)).toMatchObject({ failed: 1 });
    expect(await row()).toMatchObject({ status: "requested", attempts: 1, lastError: "the receiver could not be reached: connect ECONNREFUSED" });
  });

  it("dead-letters after 24 h of failures; a retry takes it out and the next round delivers it", async () => {
    answer = 500;
    const since = (await row()).deliverySince;
    expect(await deliver(later(since, 23 * HOUR))).toMatchObject({ failed: 1, deadLettered: 0 });
    expect((await row()).deadAt).toBeNull();

    const dayAfter = later(since, 25 * HOUR);
    expect(await deliver(dayAfter)).toEqual({ delivered: 0, failed: 0, deadLettered: 1 });
    expect((await row()).deadAt?.toISOString()).toBe(dayAfter.toISOString());
    expect(received).toHaveLength(2);

    // Dead: neither delivered nor pulled, however late.
    answer = 200;
    expect(await deliver(later(since, 48 * HOUR))).toEqual({ delivered: 0, failed: 0, deadLettered: 0 });
    expect(await pull()).toEqual([]);
    expect(received).toHaveLength(2);

    // Engines cannot take commands out of the dead letter; on-call engineers can.
    const byKey = await call(retryRoute, "POST", `/api/v1/commands/${commandId}/retry`, { token, params: { id: commandId } });
    expect(byKey).toMatchObject({ status: 403, body: { error: "forbidden" } });
    expect(await retryDeadCommand(oncall, { id: commandId })).toEqual({ id: commandId });
    const revived = await row();
    expect(revived).toMatchObject({ deadAt: null, leaseUntil: null });
    expect(Date.now() - revived.deliverySince.getTime()).toBeLessThan(30 * SEC);
    const audits = await (await getDb()).auditLog.findMany({ where: { action: "command.retry_delivery", targetId: commandId } });
    expect(audits).toHaveLength(1);

    expect(await deliver()).toEqual({ delivered: 1, failed: 0, deadLettered: 0 });
    expect(await row()).toMatchObject({ status: "delivered", deadAt: null, lastError: null });
    expect(received).toHaveLength(3);
  });

  it("refuses to retry a command that is not dead-lettered, or unknown", async () => {
    const outcome = async (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof AppError ? e.code : e));
    expect(await outcome(retryDeadCommand(oncall, { id: commandId }))).toBe("conflict");
    expect(await outcome(retryDeadCommand(oncall, { id: "no-such-command" }))).toBe("not_found");
    expect(await (await getDb()).auditLog.count({ where: { action: "command.retry_delivery" } })).toBe(0);
  });

  it("skips a command leased by another worker until the lease runs out", async () => {
    const now = new Date();
    const theirs = later(now, 5 * 60 * SEC);
    await (await getDb()).command.update({ where: { id: commandId }, data: { leaseUntil: theirs } });
    expect(await deliver(now)).toEqual({ delivered: 0, failed: 0, deadLettered: 0 });
    expect(received).toHaveLength(0);
    expect((await row()).leaseUntil?.toISOString()).toBe(theirs.toISOString());

    expect(await deliver(later(theirs, SEC))).toMatchObject({ delivered: 1 });
    expect(received).toHaveLength(1);
    expect(await row()).toMatchObject({ status: "delivered", leaseUntil: null });
  });

  it("POSTs each command once when several workers run rounds at the same time", async () => {
    const ids = [commandId];
    for (let i = 2; i <= 12; i++) {
      await ingestAs(token, stalledCase(`loan-${i}`));
      const { command } = await requestCaseCommand(oncall, { type: "cancel", requestId: requestId(), reason: "duplicate application", caseId: `loan-${i}` });
      ids.push(command.id);
    }
    const now = new Date();
    const rounds = await Promise.all(Array.from({ length: 4 }, () => deliverWebhooks(system, { now, limit: 5 })));
    const more = await deliver(now); // whatever the parallel rounds left (at most 4 x 5 were taken)
    expect(rounds.reduce((n, r) => n + r.delivered, more.delivered)).toBe(ids.length);
    const posted = received.map((r) => (JSON.parse(r.body) as { id: string }).id);
    expect(posted.sort()).toEqual([...ids].sort());
    expect(await (await getDb()).command.count({ where: { status: "delivered", attempts: 1 } })).toBe(ids.length);
  });

  it("records nothing when its lease was taken over while it was delivering", async () => {
    const now = new Date();
    const theirs = later(now, 10 * 60 * SEC);
    const slow: typeof fetch = async (input, init) => {
      // Meanwhile the lease ran out and another worker took the command.
      await (await getDb()).command.update({ where: { id: commandId }, data: { leaseUntil: theirs } });
      return fetch(input, init);
    };
    await deliver(now, slow);
    expect(received).toHaveLength(1);
    expect(await row()).toMatchObject({ status: "requested", attempts: 0, deliveredAt: null });
    expect((await row()).leaseUntil?.toISOString()).toBe(theirs.toISOString());
  });
});
