import { beforeEach, describe, expect, it } from "vitest";
import { POST as retryRoute } from "@/app/api/v1/commands/[id]/retry/route";
import { GET as outboxRoute } from "@/app/api/v1/outbox/route";
import { getDb } from "@/lib/db";
import { ATTENTION_AFTER_SEC } from "@/lib/domain/outbox";
import { listOutbox } from "@/lib/server/commands/list-outbox";
import { requestCaseCommand } from "@/lib/server/commands/request-case-command";
import { requestStateCommand } from "@/lib/server/commands/request-state-command";
import type { Ctx } from "@/lib/server/context";
import { ZListOutbox } from "@/lib/validation/command";
import { createKey, resetDatabase } from "../support/db";
import { call } from "../support/http";
import { defineLoanApproval, ingestAs, requestId, stalledCase, userCtx } from "../support/outbox";

let token: string;
let oncall: Ctx;
let ops: Ctx;

beforeEach(async () => {
  await resetDatabase();
  await defineLoanApproval();
  ({ token } = await createKey(["ingest", "commands", "read"]));
  oncall = await userCtx("on_call");
  ops = await userCtx("ops_leader");
  await ingestAs(token, [...stalledCase("loan-1"), ...stalledCase("loan-2"), ...stalledCase("loan-3"), ...stalledCase("loan-4")]);
});

const restart = async (caseId: string) => (await requestCaseCommand(oncall, { type: "restart_step", requestId: requestId(), reason: "bureau-a is back", caseId })).command;
const outbox = (query: Record<string, string>, now: Date, ctx = ops) => listOutbox(ctx, ZListOutbox.parse(query), now);
const ids = (o: { commands: { id: string }[] }) => o.commands.map((c) => c.id).sort();

describe("the outbox", () => {
  it("sorts commands into attention, in flight, dead letter and answered, with counts, as time passes", async () => {
    const db = await getDb();
    const answered = await restart("loan-1");
    const dead = await restart("loan-2");
    const slow = await restart("loan-3");
    await requestStateCommand(oncall, { process: "loan-approval", type: "pause_starts", state: "credit-check", requestId: requestId(), reason: "bureau-a outage" });
    const pauseIds = (await db.command.findMany({ where: { type: "pause_starts" }, select: { id: true } })).map((c) => c.id);
    await db.command.update({ where: { id: answered.id }, data: { status: "succeeded", acknowledgedAt: new Date() } });
    await db.command.update({ where: { id: dead.id }, data: { deadAt: new Date(), lastError: "HTTP 500 from the engine" } });

    const soon = new Date(Date.now() + 5_000);
    const fresh = await outbox({ view: "in_flight" }, soon);
    expect(ids(fresh)).toEqual([slow.id, ...pauseIds].sort());
    expect(fresh.counts).toEqual({ attention: 1, in_flight: 1 + pauseIds.length, dead: 1, answered: 1 });
    expect(fresh.commands.every((c) => c.delivery === "waiting")).toBe(true);
    // The pause has no case: it is listed by its process and state.
    expect(fresh.commands.find((c) => c.type === "pause_starts")).toMatchObject({ caseId: null, state: "credit-check", process: { key: "loan-approval" }, engine: { delivery: "pull" } });

    const deadView = await outbox({ view: "dead" }, soon);
    expect(deadView.commands).toEqual([expect.objectContaining({ id: dead.id, delivery: "dead", lastError: "HTTP 500 from the engine", caseId: "loan-2" })]);
    expect((await outbox({ view: "answered" }, soon)).commands.map((c) => [c.id, c.delivery])).toEqual([[answered.id, "answered"]]);

    // Nobody fetched the others: past the attention limit they need attention too.
    const later = new Date(Date.now() + (ATTENTION_AFTER_SEC + 5) * 1000);
    const attention = await outbox({ view: "attention" }, later);
    expect(ids(attention)).toEqual([dead.id, slow.id, ...pauseIds].sort());
    expect(attention.commands.find((c) => c.id === slow.id)?.delivery).toBe("overdue");
    // A day later the answer has left the answered view.
    expect((await outbox({ view: "answered" }, new Date(Date.now() + 25 * 3600_000))).counts.answered).toBe(0);
  });

  it("pages newest first without gaps, and filters by process", async () => {
    const made = [];
    for (const c of ["loan-1", "loan-2", "loan-3", "loan-4"]) made.push((await restart(c)).id);
    const now = new Date(Date.now() + 1000);
    const first = await outbox({ view: "in_flight", limit: "3" }, now);
    expect(first.commands).toHaveLength(3);
    const second = await outbox({ view: "in_flight", limit: "3", cursor: first.nextCursor! }, now);
    expect(second.nextCursor).toBeNull();
    expect([...ids(first), ...ids(second)].sort()).toEqual([...made].sort());
    expect((await outbox({ view: "in_flight", process: "order-fulfilment" }, now)).counts).toEqual({ attention: 0, in_flight: 0, dead: 0, answered: 0 });
  });

  it("is readable by every role through the API, with clear errors for bad queries; retrying a dead letter needs an acting role", async () => {
    const dead = await restart("loan-2");
    await (await getDb()).command.update({ where: { id: dead.id }, data: { deadAt: new Date() } });
    const res = await call(outboxRoute, "GET", "/api/v1/outbox?view=dead", { token });
    expect(res).toMatchObject({ status: 200, body: { counts: { dead: 1 }, commands: [{ id: dead.id, delivery: "dead" }] } });
    const bad = await call(outboxRoute, "GET", "/api/v1/outbox?view=everything&limit=0", { token });
    expect(bad.status).toBe(400);
    expect((bad.body!.issues as { path: string[] }[]).map((i) => i.path[0]).sort()).toEqual(["limit", "view"]);
    expect((await call(outboxRoute, "GET", "/api/v1/outbox?cursor=nope", { token })).status).toBe(400);
    expect((await call(outboxRoute, "GET", "/api/v1/outbox")).status).toBe(401);

    expect((await call(retryRoute, "POST", `/api/v1/commands/${dead.id}/retry`, { token, body: {}, params: { id: dead.id } })).status).toBe(403);
    expect((await outbox({ view: "dead" }, new Date())).counts.dead).toBe(1);
  });
});
