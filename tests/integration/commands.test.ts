import { beforeEach, describe, expect, it } from "vitest";
import { POST as caseCommandRoute } from "@/app/api/v1/cases/[caseId]/commands/route";
import { POST as ackRoute } from "@/app/api/v1/commands/[id]/ack/route";
import { GET as pullRoute } from "@/app/api/v1/commands/route";
import { POST as stateCommandRoute } from "@/app/api/v1/processes/[key]/commands/route";
import { GET as routingRoute } from "@/app/api/v1/processes/[key]/routing/route";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Ctx } from "@/lib/server/context";
import { requestCaseCommand } from "@/lib/server/commands/request-case-command";
import { requestStateCommand } from "@/lib/server/commands/request-state-command";
import { createApiKey } from "@/lib/server/sources/create-api-key";
import type { TCaseCommand } from "@/lib/validation/command";
import { expectAppError } from "../support/errors";
import { createKey, resetDatabase, systemCtx } from "../support/db";
import { ev, loanCase } from "../support/events";
import { call } from "../support/http";
import { defineLoanApproval, ingestAs, requestId, stalledCase, userCtx } from "../support/outbox";

type EngineCommand = Record<string, unknown> & { id: string };

let token: string; // the engine's key: ingest, commands, read
let sourceId: string;
let oncall: Ctx;

beforeEach(async () => {
  await resetDatabase();
  await defineLoanApproval();
  ({ token, sourceId } = await createKey(["ingest", "commands", "read"]));
  oncall = await userCtx("on_call");
});

const request = (caseId: string, input: Partial<TCaseCommand> = {}, ctx = oncall) =>
  requestCaseCommand(ctx, { type: "restart_step", requestId: requestId(), reason: "bureau-a recovered", ...input, caseId });

const pull = (key = token, query = "") => call(pullRoute, "GET", `/api/v1/commands${query}`, { token: key });
const pulled = async (key = token, query = "") => {
  const res = await pull(key, query);
  expect(res.status).toBe(200);
  return res.body!.commands as EngineCommand[];
};
const ack = (id: string, body: unknown, key = token) =>
  call(ackRoute, "POST", `/api/v1/commands/${id}/ack`, { token: key, body, params: { id } });

async function written() {
  const db = await getDb();
  return {
    commands: await db.command.count(),
    audits: await db.auditLog.count({ where: { action: { startsWith: "command." } } }),
  };
}

describe("requesting a command on a case", () => {
  beforeEach(async () => {
    await ingestAs(token, [...stalledCase("loan-1"), ...loanCase("done-1")]);
  });

  it("puts a restart into the outbox with the key of the last attempt in the current state, audited with its reason", async () => {
    const { command, created } = await request("loan-1", { reason: "bureau-a is back up" });
    expect(created).toBe(true);
    expect(command).toMatchObject({
      type: "restart_step",
      state: "credit-check",
      idempotencyKey: "loan-1-cc-2",
      params: {},
      status: "requested",
      requestedBy: "on.call@flowdeck.test",
      reason: "bureau-a is back up",
      attempts: 0,
      deliveredAt: null,
    });

    const db = await getDb();
    const row = await db.command.findUniqueOrThrow({ where: { id: command.id } });
    expect(row).toMatchObject({ sourceId, caseId: "loan-1", requestedById: oncall.actor.type === "user" ? oncall.actor.id : "?" });
    const audits = await db.auditLog.findMany({ where: { action: "command.restart_step" } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorType: "user",
      actorLabel: "on.call@flowdeck.test",
      targetType: "command",
      targetId: command.id,
      caseId: "loan-1",
      reason: "bureau-a is back up",
      after: { command: command.id, type: "restart_step", idempotencyKey: "loan-1-cc-2" },
    });
  });

  it("restarts without a key when the last attempt was made in an earlier state", async () => {
    await ingestAs(token, [...stalledCase("loan-2"), ev({ caseId: "loan-2", type: "case.waiting", state: "manual-review", minute: 10 })]);
    const { command } = await request("loan-2");
    expect(command).toMatchObject({ state: "manual-review", idempotencyKey: null });
  });

  it("answers a repeated request id with the first command, writing nothing more", async () => {
    const id = requestId();
    const first = await request("loan-1", { requestId: id });
    const again = await request("loan-1", { requestId: id, reason: "double click" });
    expect(again).toEqual({ command: first.command, created: false });
    expect(await written()).toEqual({ commands: 1, audits: 1 });
  });

  it("creates exactly one command for two concurrent calls with the same request id", async () => {
    const id = requestId();
    const results = await Promise.all([request("loan-1", { requestId: id }), request("loan-1", { requestId: id })]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    expect(results[0]!.command.id).toBe(results[1]!.command.id);
    expect(await written()).toEqual({ commands: 1, audits: 1 });
  });

  it("refuses a request id already used for another command", async () => {
    const id = requestId();
    await request("loan-1", { requestId: id });
    const error = await expectAppError(request("loan-1", { requestId: id, type: "cancel" }), "conflict");
    expect(error.issues?.map((i) => i.path)).toEqual([["requestId"]]);
    expect(await written()).toEqual({ commands: 1, audits: 1 });
  });

  it("refuses a second action while a command for the case is pending, and takes it once that one is acknowledged", async () => {
    const { command } = await request("loan-1");
    await expectAppError(request("loan-1", { type: "compensate" }), "conflict");
    expect(await written()).toEqual({ commands: 1, audits: 1 });

    expect((await ack(command.id, { status: "succeeded" })).status).toBe(200);
    const next = await request("loan-1", { type: "compensate" });
    expect(next).toMatchObject({ created: true, command: { type: "compensate", idempotencyKey: null } });
  });

  it("refuses actions the case's status does not allow", async () => {
    const error = await expectAppError(request("done-1"), "conflict");
    expect(error.message).toContain("completed");
    await expectAppError(request("done-1", { type: "cancel" }), "conflict");
    await expectAppError(request("done-1", { type: "progress", toState: "done" }), "conflict");
    expect(await written()).toEqual({ commands: 0, audits: 0 });
  });

  it("refuses a reroute to a provider that is not an alternative, naming the field; takes the alternative", async () => {
    for (const toProvider of ["bureau-a", "bureau-z"]) {
      const error = await expectAppError(request("loan-1", { type: "reroute", toProvider }), "invalid_request");
      expect(error.issues).toEqual([{ path: ["toProvider"], message: "must be one of bureau-b" }]);
    }
    expect(await written()).toEqual({ commands: 0, audits: 0 });

    const { command } = await request("loan-1", { type: "reroute", toProvider: "bureau-b" });
    expect(command).toMatchObject({ type: "reroute", params: { toProvider: "bureau-b" }, idempotencyKey: null });
  });

  it("refuses a progress to a state that does not follow the current one, naming the field", async () => {
    const error = await expectAppError(request("loan-1", { type: "progress", toState: "disbursement" }), "invalid_request");
    expect(error.issues?.map((i) => i.path)).toEqual([["toState"]]);
    const { command } = await request("loan-1", { type: "progress", toState: "manual-review" });
    expect(command.params).toEqual({ toState: "manual-review" });
  });

  it("answers not_found for an unknown case", async () => {
    await expectAppError(request("no-such-case"), "not_found");
    expect(await written()).toEqual({ commands: 0, audits: 0 });
  });

  it("refuses a role without the permission and an API key, writing nothing", async () => {
    const ops = await userCtx("ops_leader");
    await expectAppError(request("loan-1", {}, ops), "forbidden");

    const res = await call(caseCommandRoute, "POST", "/api/v1/cases/loan-1/commands", {
      token,
      params: { caseId: "loan-1" },
      body: { type: "restart_step", requestId: requestId(), reason: "engine restarting itself" },
    });
    expect(res).toMatchObject({ status: 403, body: { error: "forbidden" } });
    expect(await written()).toEqual({ commands: 0, audits: 0 });
  });
});

describe("GET /api/v1/commands", () => {
  let ids: string[]; // in requested_at order

  /** Three commands on three cases, requested (by requested_at) in the reverse order of their creation. */
  beforeEach(async () => {
    await ingestAs(token, [...stalledCase("a"), ...stalledCase("b", 1), ...stalledCase("c", 2)]);
    const restart = await request("a", { reason: "restart a" });
    const reroute = await request("b", { type: "reroute", toProvider: "bureau-b", reason: "reroute b" });
    const cancel = await request("c", { type: "cancel", reason: "cancel c" });
    ids = [cancel.command.id, reroute.command.id, restart.command.id];
    const db = await getDb();
    for (const [i, id] of ids.entries()) {
      await db.command.update({ where: { id }, data: { requestedAt: new Date(Date.now() - (10 - i) * 60_000) } });
    }
  });

  it("returns the source's commands oldest first in API.md's shape, and marks them delivered", async () => {
    const commands = await pulled();
    expect(commands.map((c) => c.id)).toEqual(ids);
    const db = await getDb();
    const requestedAt = async (id: string) => (await db.command.findUniqueOrThrow({ where: { id } })).requestedAt.toISOString();
    expect(commands[0]).toEqual({
      id: ids[0],
      type: "cancel",
      caseId: "c",
      process: "loan-approval",
      state: "credit-check",
      params: {},
      requestedAt: await requestedAt(ids[0]!),
      requestedBy: "on.call@flowdeck.test",
      reason: "cancel c",
    });
    expect(commands[1]).toMatchObject({ type: "reroute", caseId: "b", params: { toProvider: "bureau-b" } });
    expect(commands[1]).not.toHaveProperty("idempotencyKey");
    expect(commands[2]).toMatchObject({ type: "restart_step", caseId: "a", idempotencyKey: "a-cc-2", params: {} });

    const rows = await db.command.findMany({ where: { id: { in: ids } } });
    for (const row of rows) {
      expect(row).toMatchObject({ status: "delivered", attempts: 1 });
      expect(Date.now() - row.deliveredAt!.getTime()).toBeLessThan(30_000);
    }
  });

  it("hands each command out once, until 60 s pass without an acknowledgement", async () => {
    expect(await pulled()).toHaveLength(3);
    expect(await pulled()).toEqual([]);

    expect((await ack(ids[1]!, { status: "succeeded" })).status).toBe(200);
    const db = await getDb();
    await db.$executeRaw`UPDATE commands SET delivered_at = now() - interval '30 seconds'`;
    expect(await pulled()).toEqual([]);
    await db.$executeRaw`UPDATE commands SET delivered_at = now() - interval '61 seconds'`;
    expect((await pulled()).map((c) => c.id)).toEqual([ids[0], ids[2]]);
    expect(await db.command.findUniqueOrThrow({ where: { id: ids[0] } })).toMatchObject({ status: "delivered", attempts: 2 });
    expect(await db.command.findUniqueOrThrow({ where: { id: ids[1] } })).toMatchObject({ status: "succeeded", attempts: 1 });
  });

  it("honours the limit, oldest first", async () => {
    expect((await pulled(token, "?limit=2")).map((c) => c.id)).toEqual(ids.slice(0, 2));
    expect((await pulled(token, "?limit=2")).map((c) => c.id)).toEqual(ids.slice(2));
    const res = await pull(token, "?limit=0");
    expect(res).toMatchObject({ status: 400, body: { error: "invalid_request", issues: [{ path: ["limit"] }] } });
  });

  it("never shows another source's commands, nor marks them delivered", async () => {
    const { token: other } = await createKey(["ingest", "commands", "read"]);
    expect(await pulled(other)).toEqual([]);
    const db = await getDb();
    expect(await db.command.count({ where: { status: "requested", attempts: 0 } })).toBe(3);
    expect((await pulled()).map((c) => c.id)).toEqual(ids);
  });

  it("answers 403 to a key of the source without the commands scope, 401 without a key", async () => {
    const { apiKey: ingestOnly } = await createApiKey(await systemCtx(), { sourceId, scopes: ["ingest", "read"] });
    expect(await pull(ingestOnly)).toMatchObject({ status: 403, body: { error: "forbidden" } });
    expect(await call(pullRoute, "GET", "/api/v1/commands")).toMatchObject({ status: 401, body: { error: "unauthorized" } });
    const db = await getDb();
    expect(await db.command.count({ where: { status: "requested", deliveredAt: null } })).toBe(3);
  });
});

describe("POST /api/v1/commands/{id}/ack", () => {
  let id: string;
  beforeEach(async () => {
    await ingestAs(token, stalledCase("loan-1"));
    ({
      command: { id },
    } = await request("loan-1"));
    await pulled();
  });

  const status = async () => (await (await getDb()).command.findUniqueOrThrow({ where: { id } })).status;
  const ackAudits = async () => (await getDb()).auditLog.count({ where: { action: "command.acknowledged" } });

  it("records the engine's answer and audits it", async () => {
    const res = await ack(id, { status: "succeeded", message: "restarted with the same key" });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id, status: "succeeded", acknowledgedAt: expect.any(String) });
    const row = await (await getDb()).command.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "succeeded", ackMessage: "restarted with the same key", leaseUntil: null });
    expect(row.acknowledgedAt?.toISOString()).toBe(res.body!.acknowledgedAt);
    expect(await ackAudits()).toBe(1);
  });

  it("treats the same answer twice as a no-op", async () => {
    const first = await ack(id, { status: "rejected", message: "case is gone" });
    const again = await ack(id, { status: "rejected", message: "retrying the ack" });
    expect(again).toEqual(first);
    expect(again.status).toBe(200);
    expect(await ackAudits()).toBe(1);
    expect((await (await getDb()).command.findUniqueOrThrow({ where: { id } })).ackMessage).toBe("case is gone");
  });

  it("answers 409 in API.md's error shape to another answer, and keeps the first", async () => {
    await ack(id, { status: "succeeded" });
    const res = await ack(id, { status: "failed", message: "changed my mind" });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ error: "conflict", message: expect.stringContaining("succeeded") });
    expect(await status()).toBe("succeeded");
    expect(await ackAudits()).toBe(1);
  });

  it("answers 404 to another source, and to an unknown id", async () => {
    const { token: other } = await createKey(["commands"]);
    expect(await ack(id, { status: "succeeded" }, other)).toMatchObject({ status: 404, body: { error: "not_found" } });
    expect(await ack("no-such-command", { status: "succeeded" })).toMatchObject({ status: 404, body: { error: "not_found" } });
    expect(await status()).toBe("delivered");
  });

  it("answers 400 naming the field to a bad body, and changes nothing", async () => {
    for (const body of [{ status: "done" }, {}, { status: "succeeded", message: "x".repeat(2001) }]) {
      const res = await ack(id, body);
      expect(res).toMatchObject({ status: 400, body: { error: "invalid_request" } });
      const paths = (res.body!.issues as { path: string[] }[]).map((i) => i.path);
      expect(paths).toEqual([[Object.keys(body).includes("message") ? "message" : "status"]]);
    }
    const notJson = await call(ackRoute, "POST", `/api/v1/commands/${id}/ack`, { token, rawBody: "{", params: { id } });
    expect(notJson).toMatchObject({ status: 400, body: { error: "invalid_request" } });
    expect(await status()).toBe("delivered");
    expect(await ackAudits()).toBe(0);
  });
});

// PGlite is a single connection that runs one statement at a time, so pullers cannot overlap there.
describe.skipIf(!process.env.DATABASE_URL)("concurrent pullers (PostgreSQL only: PGlite cannot run statements in parallel)", () => {
  it("never hand one command to two pullers, and together take all of them", async () => {
    const total = 60;
    const events = Array.from({ length: total }, (_, i) => ev({ caseId: `p-${i}`, state: "credit-check", minute: i }));
    await ingestAs(token, events);
    await Promise.all(Array.from({ length: total }, (_, i) => request(`p-${i}`, { type: "cancel" })));
    const { apiKey: second } = await createApiKey(await systemCtx(), { sourceId, scopes: ["commands"] });

    const received: string[] = [];
    for (let round = 0; round < 20; round++) {
      const batches = await Promise.all(Array.from({ length: 8 }, (_, i) => pulled(i % 2 ? second : token, "?limit=4")));
      const ids = batches.flat().map((c) => c.id);
      if (ids.length === 0) break;
      received.push(...ids);
    }
    expect(new Set(received).size).toBe(received.length);
    expect(received).toHaveLength(total);
    const db = await getDb();
    expect(await db.command.count({ where: { status: "delivered", attempts: 1 } })).toBe(total);
  });
});

describe("pausing and resuming new starts of a state", () => {
  let reader: string;
  beforeEach(async () => {
    await ingestAs(token, [...stalledCase("loan-1"), ...loanCase("done-1")]);
    ({ token: reader } = await createKey(["read"]));
  });

  const routing = async () => {
    const res = await call(routingRoute, "GET", "/api/v1/processes/loan-approval/routing", { token: reader, params: { key: "loan-approval" } });
    expect(res.status).toBe(200);
    return res.body!;
  };
  const stateCommand = (type: "pause_starts" | "resume_starts", state = "credit-check", id = requestId()) =>
    requestStateCommand(oncall, { process: "loan-approval", type, state, requestId: id, reason: "bureau-a outage" });

  it("pauses: a pause row, a command for the engine running the process, and the routing API reports it", async () => {
    const { commands, created } = await stateCommand("pause_starts");
    expect(created).toBe(true);
    expect(commands).toHaveLength(1);
    expect(commands[0]).toMatchObject({ type: "pause_starts", state: "credit-check", status: "requested", reason: "bureau-a outage" });

    const db = await getDb();
    expect(await db.processPause.findMany({ select: { state: true, pausedBy: true, reason: true } })).toEqual([
      { state: "credit-check", pausedBy: "on.call@flowdeck.test", reason: "bureau-a outage" },
    ]);
    expect(await db.command.findUniqueOrThrow({ where: { id: commands[0]!.id } })).toMatchObject({ sourceId, caseId: null });
    expect(await db.auditLog.count({ where: { action: "command.pause_starts", reason: "bureau-a outage" } })).toBe(1);
    expect((await routing()).paused).toEqual(["credit-check"]);

    const [engineCommand] = await pulled();
    expect(engineCommand).toEqual({
      id: commands[0]!.id,
      type: "pause_starts",
      process: "loan-approval",
      state: "credit-check",
      params: {},
      requestedAt: commands[0]!.requestedAt.toISOString(),
      requestedBy: "on.call@flowdeck.test",
      reason: "bureau-a outage",
    });
  });

  it("answers a repeated request id with the first commands, writing nothing more", async () => {
    const id = requestId();
    const first = await stateCommand("pause_starts", "credit-check", id);
    const again = await stateCommand("pause_starts", "credit-check", id);
    expect(again).toEqual({ commands: first.commands, created: false });
    expect(await written()).toEqual({ commands: 1, audits: 1 });
  });

  it("answers a repeated request id with the first result when no engine runs the process (no command, only the audit row)", async () => {
    await (await getDb()).process.create({ data: { key: "quiet", name: "Quiet process" } });
    const id = requestId();
    const pause = () => requestStateCommand(oncall, { process: "quiet", type: "pause_starts", state: "intake", requestId: id, reason: "before launch" });
    expect(await pause()).toEqual({ commands: [], created: true });
    expect(await pause()).toEqual({ commands: [], created: false });
    // Another intent is still refused: the state is paused.
    await expectAppError(requestStateCommand(oncall, { process: "quiet", type: "pause_starts", state: "intake", requestId: requestId(), reason: "again" }), "conflict");
    expect(await written()).toEqual({ commands: 0, audits: 1 });
  });

  it("refuses to pause a paused state, and to resume one that is not paused", async () => {
    await stateCommand("pause_starts");
    await expectAppError(stateCommand("pause_starts"), "conflict");
    await expectAppError(stateCommand("resume_starts", "manual-review"), "conflict");
    expect(await written()).toEqual({ commands: 1, audits: 1 });
    expect(await (await getDb()).processPause.count()).toBe(1);
  });

  it("takes one of two concurrent pauses: the same request id gets the same commands, another one a conflict", async () => {
    const id = requestId();
    const twins = await Promise.all([stateCommand("pause_starts", "credit-check", id), stateCommand("pause_starts", "credit-check", id)]);
    expect(twins.map((r) => r.created).sort()).toEqual([false, true]);
    expect(twins[0]!.commands.map((c) => c.id)).toEqual(twins[1]!.commands.map((c) => c.id));

    const rivals = await Promise.allSettled([stateCommand("pause_starts", "intake"), stateCommand("pause_starts", "intake")]);
    expect(rivals.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const lost = rivals.find((r) => r.status === "rejected")!;
    expect(lost.reason).toBeInstanceOf(AppError);
    expect(lost.reason).toMatchObject({ code: "conflict" });

    const resumes = await Promise.allSettled([stateCommand("resume_starts", "intake"), stateCommand("resume_starts", "intake")]);
    expect(resumes.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(resumes.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "conflict" } });

    expect((await routing()).paused).toEqual(["credit-check"]);
    expect(await written()).toEqual({ commands: 3, audits: 3 });
  });

  it("resumes: clears the pause and sends the engine a resume command", async () => {
    await stateCommand("pause_starts");
    const { commands } = await stateCommand("resume_starts");
    expect(commands).toMatchObject([{ type: "resume_starts", state: "credit-check" }]);
    expect((await routing()).paused).toEqual([]);
    expect(await (await getDb()).processPause.count()).toBe(0);
    expect((await pulled()).map((c) => c.type)).toEqual(["pause_starts", "resume_starts"]);
  });

  it("refuses a state that is not in the graph, naming the field, and a role without the permission", async () => {
    const error = await expectAppError(stateCommand("pause_starts", "credit-chek"), "invalid_request");
    expect(error.issues?.map((i) => i.path)).toEqual([["state"]]);
    await expectAppError(
      requestStateCommand(await userCtx("ops_leader"), { process: "loan-approval", type: "pause_starts", state: "intake", requestId: requestId(), reason: "test" }),
      "forbidden",
    );
    expect(await written()).toEqual({ commands: 0, audits: 0 });
    expect((await routing()).paused).toEqual([]);
  });

  it("refuses an engine's API key on the route, writing nothing", async () => {
    const body = { type: "pause_starts", state: "credit-check", requestId: requestId(), reason: "bureau-a outage" };
    const post = (key: string) =>
      call(stateCommandRoute, "POST", "/api/v1/processes/loan-approval/commands", { token: key, body, params: { key: "loan-approval" } });
    expect(await post(token)).toMatchObject({ status: 403, body: { error: "forbidden" } });
    expect(await written()).toEqual({ commands: 0, audits: 0 });
  });
});
