import { beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/events/route";
import { getDb } from "@/lib/db";
import { projectAll } from "@/lib/server/events/project-cases";
import { revokeKey } from "@/lib/server/sources/revoke-key";
import { createKey, resetDatabase, systemCtx } from "../support/db";
import { ev, loanCase } from "../support/events";
import { call } from "../support/http";

/** Posts a batch, then lets the projector catch up, as the worker would within moments. */
async function ingest(token: string | undefined, body: unknown) {
  const res = await call(POST, "POST", "/api/v1/events", { token, body });
  await projectAll(await systemCtx());
  return res;
}

async function counts() {
  const db = await getDb();
  return { events: await db.event.count(), cases: await db.case.count(), processes: await db.process.count() };
}

let token: string;
beforeEach(async () => {
  await resetDatabase();
  ({ token } = await createKey(["ingest"]));
});

describe("POST /api/v1/events", () => {
  it("stores a batch, projects the case and answers 202 with counts", async () => {
    const res = await ingest(token, { events: loanCase("loan-1") });
    expect(res).toEqual({ status: 202, body: { accepted: 9, duplicates: 0 } });

    const db = await getDb();
    const c = await db.case.findUniqueOrThrow({ where: { id: "loan-1" } });
    expect(c).toMatchObject({
      status: "completed",
      state: "disbursement",
      version: "1.4.0",
      attempts: 2,
      retries: 1,
      compensations: 0,
      lastErrorCode: "timeout",
      lastIdempotencyKey: "loan-1-cc-1",
      eventCount: 9,
      stuckAfter: null,
    });
    expect(c.startedAt?.toISOString()).toBe("2026-11-26T08:00:00.000Z");
    expect(c.finishedAt?.toISOString()).toBe("2026-11-26T08:31:00.000Z");
  });

  it("creates an unknown process on first sight, without an owner", async () => {
    await ingest(token, { events: [ev({ caseId: "o-1", process: "order-fulfilment", state: "payment" })] });
    const process = await (await getDb()).process.findUniqueOrThrow({ where: { key: "order-fulfilment" } });
    expect(process).toMatchObject({ name: "Order fulfilment", teamId: null, defaultStuckThresholdSec: 7200 });
  });

  it("ignores and counts duplicates, within a batch and across batches", async () => {
    const events = loanCase("loan-1");
    await ingest(token, { events: events.slice(0, 5) });
    const res = await ingest(token, { events: [...events, events[0]!] });
    expect(res.body).toEqual({ accepted: 4, duplicates: 6 });
    expect((await counts()).events).toBe(9);
  });

  it("gives the same case whatever order the events arrive in", async () => {
    const events = loanCase("loan-1");
    const { token: other } = await createKey(["ingest"]);
    // One source in order, the other in reverse, one event per request.
    await ingest(token, { events });
    for (const e of [...events].reverse()) await ingest(other, { events: [{ ...e, caseId: "loan-2" }] });

    const db = await getDb();
    const strip = ({ id: _id, updatedAt: _u, lastEventSeq: _s, sourceId: _src, ...rest }: Record<string, unknown>) => rest;
    const [a, b] = await Promise.all(["loan-1", "loan-2"].map((id) => db.case.findUniqueOrThrow({ where: { id } })));
    expect(strip(b!)).toEqual(strip(a!));
  });

  it("keeps the per-minute statistics exact under out-of-order arrival", async () => {
    const events = loanCase("loan-1");
    await ingest(token, { events: [events[8]!] }); // completed arrives first
    await ingest(token, { events: events.slice(0, 8) });
    const db = await getDb();
    const buckets = await db.statBucket.findMany({ orderBy: { minute: "asc" } });
    const totals = buckets.reduce(
      (sum, b) => ({ started: sum.started + b.started, completed: sum.completed + b.completed, retried: sum.retried + b.retried }),
      { started: 0, completed: 0, retried: 0 },
    );
    expect(totals).toEqual({ started: 1, completed: 1, retried: 1 });
    expect(buckets.every((b) => b.started >= 0 && b.completed >= 0 && b.retried >= 0)).toBe(true);
    expect(buckets.find((b) => b.completed === 1)?.minute.toISOString()).toBe("2026-11-26T08:31:00.000Z");
    expect(buckets.find((b) => b.completed === 1)).toMatchObject({ finished: 1, within30m: 0, within1h: 1, within1d: 1 });
  });

  it("sets the stuck instant of open cases from the state's threshold", async () => {
    const db = await getDb();
    await db.process.create({
      data: { key: "loan-approval", name: "Loan approval", stuckThresholds: { "manual-review": 4 * 3600 } },
    });
    await ingest(token, { events: loanCase("loan-1").slice(0, 7) }); // waiting in manual-review since 08:06
    const c = await db.case.findUniqueOrThrow({ where: { id: "loan-1" } });
    expect(c.status).toBe("waiting");
    expect(c.stuckAfter?.toISOString()).toBe("2026-11-26T12:06:00.000Z");
  });
});

describe("POST /api/v1/events authentication", () => {
  it("answers 401 without a key, with an unknown key and with a revoked key", async () => {
    const batch = { events: [ev()] };
    expect((await ingest(undefined, batch)).body).toMatchObject({ error: "unauthorized" });
    expect((await ingest("fdk_000000000000_" + "x".repeat(32), batch)).status).toBe(401);
    expect((await ingest("not-a-key", batch)).status).toBe(401);
    const { token: doomed, keyId } = await createKey(["ingest"]);
    await revokeKey(await systemCtx(), { keyId });
    const res = await ingest(doomed, batch);
    expect(res).toMatchObject({ status: 401, body: { error: "unauthorized" } });
    expect((await counts()).events).toBe(0);
  });

  it("answers 401 for a right id with a wrong secret", async () => {
    const wrong = token.slice(0, -4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect((await ingest(wrong, { events: [ev()] })).status).toBe(401);
  });

  it("records a key's use only when the request succeeds: a 403, 400 or 413 changes nothing", async () => {
    const db = await getDb();
    const lastUsed = async (keyId: string) =>
      (await db.apiKey.findUniqueOrThrow({ where: { id: keyId }, select: { lastUsedAt: true } })).lastUsedAt;
    const { token: reader, keyId: readerId } = await createKey(["read"]);
    const { token: writer, keyId: writerId } = await createKey(["ingest"]);

    expect((await ingest(reader, { events: [ev()] })).status).toBe(403);
    expect(await lastUsed(readerId)).toBeNull();
    expect((await ingest(writer, { events: [{ ...ev(), at: "nope" }] })).status).toBe(400);
    expect((await ingest(writer, { events: [ev({ data: { pad: "x".repeat(1024 * 1024) } })] })).status).toBe(413);
    expect(await lastUsed(writerId)).toBeNull();
    // A use older than the minute's throttle is not refreshed by an error either.
    const hourAgo = new Date(Date.now() - 3600_000);
    await db.apiKey.update({ where: { id: writerId }, data: { lastUsedAt: hourAgo } });
    expect((await ingest(writer, { events: [{ ...ev(), process: "BAD" }] })).status).toBe(400);
    expect(await lastUsed(writerId)).toEqual(hourAgo);

    const before = Date.now();
    expect((await ingest(writer, { events: [ev()] })).status).toBe(202);
    expect((await lastUsed(writerId))!.getTime()).toBeGreaterThanOrEqual(before);
  });

  it("answers 403 for a key without the ingest scope", async () => {
    const { token: reader } = await createKey(["read"]);
    const res = await ingest(reader, { events: [ev()] });
    expect(res).toMatchObject({ status: 403, body: { error: "forbidden" } });
    expect((await counts()).events).toBe(0);
  });
});

describe("POST /api/v1/events bad input", () => {
  async function expectRejected(body: unknown, path: (string | number)[]) {
    const res = await ingest(token, body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: "invalid_request" });
    const issues = (res.body!.issues as { path: (string | number)[]; message: string }[]) ?? [];
    expect(issues.map((i) => i.path)).toContainEqual(path);
    expect(await counts()).toEqual({ events: 0, cases: 0, processes: 0 });
    return issues;
  }

  it.each([
    ["a missing id", { id: undefined }, "id"],
    ["an empty id", { id: "" }, "id"],
    ["an id over 200 characters", { id: "x".repeat(201) }, "id"],
    ["an unknown type", { type: "case.exploded" }, "type"],
    ["a missing caseId", { caseId: undefined }, "caseId"],
    ["an empty caseId", { caseId: "" }, "caseId"],
    ["a caseId over 200 characters", { caseId: "c".repeat(201) }, "caseId"],
    ["an upper-case process key", { process: "Loan" }, "process"],
    ["a process key over 64 characters", { process: "p".repeat(65) }, "process"],
    ["a process key starting with '-'", { process: "-loan" }, "process"],
    ["a timestamp without a zone", { at: "2026-11-26T08:00:00" }, "at"],
    ["a timestamp that is not one", { at: "yesterday" }, "at"],
    ["a processVersion that is not semver", { processVersion: "v1" }, "processVersion"],
    ["case.started without processVersion", { processVersion: undefined }, "processVersion"],
    ["a state over 200 characters", { type: "case.state_entered", state: "s".repeat(201) }, "state"],
    ["a provider that is not a string", { type: "step.attempted", state: "s", provider: 42 }, "provider"],
    ["an empty provider", { type: "step.attempted", state: "s", provider: "" }, "provider"],
    ["a provider over 200 characters", { type: "step.attempted", state: "s", provider: "p".repeat(201) }, "provider"],
    ["an idempotencyKey that is not a string", { type: "step.attempted", state: "s", idempotencyKey: ["k-1"] }, "idempotencyKey"],
    ["an idempotencyKey over 200 characters", { type: "step.attempted", state: "s", idempotencyKey: "k".repeat(201) }, "idempotencyKey"],
    ["an attempt of 0", { type: "step.attempted", state: "s", attempt: 0 }, "attempt"],
    ["an attempt over 1,000,000", { type: "step.attempted", state: "s", attempt: 1_000_001 }, "attempt"],
    ["a fractional attempt", { type: "step.attempted", state: "s", attempt: 1.5 }, "attempt"],
    ["an attempt outside step.*", { type: "case.completed", attempt: 1 }, "attempt"],
    ["an error outside failures", { type: "case.completed", error: { code: "x", message: "y" } }, "error"],
    ["an error without a code", { type: "step.failed", state: "s", error: { message: "y" } }, ["error", "code"]],
    ["an error without a message", { type: "step.failed", state: "s", error: { code: "timeout" } }, ["error", "message"]],
    ["an error message over 4000 characters", { type: "case.failed", error: { code: "x", message: "m".repeat(4001) } }, ["error", "message"]],
    ["data that is not an object", { data: [1, 2] }, "data"],
    ["data over 16 KiB", { data: { blob: "x".repeat(16 * 1024) } }, "data"],
  ] as [string, object, string | string[]][])("names the field of %s", async (_label, overrides, field) => {
    const events = [ev({ caseId: "ok-1" }), { ...ev({ caseId: "bad" }), ...overrides }, ev({ caseId: "ok-2" })];
    await expectRejected({ events }, ["events", 1, ...[field].flat()]);
  });

  it.each(["case.state_entered", "case.waiting", "step.attempted", "step.succeeded", "step.failed"] as const)(
    "requires a state on %s",
    async (type) => {
      await expectRejected({ events: [ev({ caseId: "a" }), ev({ type, caseId: "a" })] }, ["events", 1, "state"]);
    },
  );

  it("names every bad event of a batch, by index", async () => {
    const events = [ev(), { ...ev(), at: "nope" }, ev(), { ...ev(), process: "BAD" }];
    const issues = await expectRejected({ events }, ["events", 1, "at"]);
    expect(issues.map((i) => i.path)).toContainEqual(["events", 3, "process"]);
  });

  it("refuses an empty batch, a batch over 1000 events and a body without events", async () => {
    await expectRejected({ events: [] }, ["events"]);
    await expectRejected({ events: Array.from({ length: 1001 }, (_, i) => ev({ caseId: `c${i}` })) }, ["events"]);
    await expectRejected({ event: [ev()] }, ["events"]);
  });

  it("refuses a body that is not JSON", async () => {
    const res = await call(POST, "POST", "/api/v1/events", { token, rawBody: "{nope" });
    expect(res).toMatchObject({ status: 400, body: { error: "invalid_request", message: "The body is not valid JSON." } });
  });

  it("answers 413 for a body over 1 MiB and stores nothing", async () => {
    const big = { events: [ev({ data: { pad: "x".repeat(1024 * 1024) } })] };
    const res = await ingest(token, big);
    expect(res).toMatchObject({ status: 413, body: { error: "payload_too_large" } });
    expect((await counts()).events).toBe(0);
  });

  it("answers 413 for a declared content-length over 1 MiB without reading the body", async () => {
    let pulls = 0;
    // highWaterMark 0: the stream is only pulled when someone reads the body.
    const body = new ReadableStream<Uint8Array>({ pull: (c) => void (pulls++, c.enqueue(new TextEncoder().encode("{}"))) }, { highWaterMark: 0 });
    const request = new Request("http://flowdeck.test/api/v1/events", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "content-length": String(1024 * 1024 + 1) },
      body,
      duplex: "half",
    } as RequestInit);
    const res = await POST(request, { params: Promise.resolve({}) });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: "payload_too_large" });
    expect(pulls).toBe(0);
    expect((await counts()).events).toBe(0);
  });

  it("refuses a batch that gives one case two processes", async () => {
    await expectRejected({ events: [ev({ caseId: "x" }), ev({ caseId: "x", process: "other", minute: 1 })] }, [
      "events",
      1,
      "process",
    ]);
  });
});

describe("projection", () => {
  it("keeps a case in the process of its first event; later events naming another process are not part of it", async () => {
    await ingest(token, { events: [ev({ caseId: "x", state: "intake" })] });
    const res = await ingest(token, { events: [ev({ caseId: "x", process: "other", type: "case.completed", minute: 1 })] });
    expect(res.status).toBe(202);
    const c = await (await getDb()).case.findUniqueOrThrow({ where: { id: "x" }, include: { process: true } });
    expect(c).toMatchObject({ status: "running", eventCount: 1, process: { key: "loan-approval" } });
  });

  it("queues accepted batches and empties the queue once projected", async () => {
    const db = await getDb();
    const events = loanCase("q-1");
    await call(POST, "POST", "/api/v1/events", { token, body: { events } });
    await call(POST, "POST", "/api/v1/events", { token, body: { events } }); // all duplicates
    expect(await db.projectionQueue.count()).toBe(1);
    expect(await db.case.count()).toBe(0);
    expect(await projectAll(await systemCtx())).toEqual({ batches: 1, cases: 1, events: 9 });
    expect(await db.projectionQueue.count()).toBe(0);
    expect(await db.case.findUniqueOrThrow({ where: { id: "q-1" } })).toMatchObject({ status: "completed" });
  });

  it("projects a case spread over many batches, with late events, to the in-order result", async () => {
    const events = loanCase("late-1");
    const order = [5, 0, 8, 1, 2, 7, 3, 6, 4];
    for (const i of order) await call(POST, "POST", "/api/v1/events", { token, body: { events: [events[i]!] } });
    // Project in two rounds of unequal size, so folds and replays both happen.
    const ctx = await systemCtx();
    const { projectQueuedCases } = await import("@/lib/server/events/project-cases");
    await projectQueuedCases(ctx, { batches: 3 });
    await projectAll(ctx);
    await ingest(token, { events: loanCase("late-2") });
    const db = await getDb();
    const strip = ({ id: _id, updatedAt: _u, lastEventSeq: _s, lastIdempotencyKey: key, ...rest }: Record<string, unknown>) => ({
      ...rest,
      key: String(key).replace(/late-\d/, "case"),
    });
    const [a, b] = await Promise.all(["late-1", "late-2"].map((id) => db.case.findUniqueOrThrow({ where: { id } })));
    expect(strip(a!)).toEqual(strip(b!));
  });
});
