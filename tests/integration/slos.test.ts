import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as metricsRoute } from "@/app/api/metrics/route";
import { GET as listCasesRoute } from "@/app/api/v1/cases/route";
import { PUT as thresholdsRoute } from "@/app/api/v1/processes/[key]/thresholds/route";
import { DELETE as deleteSloRoute, GET as getSloRoute, PUT as putSloRoute } from "@/app/api/v1/slos/[id]/route";
import { POST as createSloRoute } from "@/app/api/v1/slos/route";
import { getDb } from "@/lib/db";
import type { Ctx } from "@/lib/server/context";
import { defineProcess } from "@/lib/server/processes/define-process";
import { getSlo } from "@/lib/server/slos/get-slo";
import { deleteSlo, saveSlo } from "@/lib/server/slos/save-slo";
import type { TEvent } from "@/lib/validation/event";
import { ZSloInput, type TSloInput } from "@/lib/validation/slo";
import { DEMO_PROCESSES } from "@/prisma/demo-catalog";
import { expectAppError } from "../support/errors";
import { createKey, resetDatabase, systemCtx } from "../support/db";
import { ev } from "../support/events";
import { call } from "../support/http";
import { callAs } from "../support/session";
import { defineLoanApproval, ingestAs, userCtx } from "../support/outbox";

vi.mock("next-auth", async (original) => (await import("../support/session")).withTestSession(await original<typeof import("next-auth")>()));

async function defineOrderFulfilment() {
  const order = DEMO_PROCESSES.find((p) => p.key === "order-fulfilment")!;
  await defineProcess(await systemCtx(), {
    key: order.key,
    name: order.name,
    team: order.team,
    defaultStuckThresholdSec: order.defaultStuckThresholdSec,
    stuckThresholds: order.stuckThresholds,
    version: { version: order.version, graph: order.graph },
  });
}

const sloBody = (overrides: Partial<TSloInput> = {}): TSloInput => ({
  name: "Loans decided within a day",
  process: "loan-approval",
  sli: "cycle_time",
  targetSec: 86400,
  objective: 95,
  windowDays: 30,
  ...overrides,
});
const sloInput = (overrides: Partial<TSloInput> = {}) => ZSloInput.parse(sloBody(overrides));

async function sloAudits() {
  const db = await getDb();
  return db.auditLog.findMany({ where: { action: { startsWith: "slo." } }, orderBy: { id: "asc" } });
}

async function written() {
  const db = await getDb();
  return { slos: await db.slo.count(), audits: (await sloAudits()).length };
}

let admin: Ctx;
let owner: Ctx; // process_owner in Lending, which owns loan-approval
let otherOwner: Ctx; // process_owner in Fulfilment
let ops: Ctx;

beforeEach(async () => {
  await resetDatabase();
  await defineLoanApproval();
  await defineOrderFulfilment();
  admin = await userCtx("admin");
  owner = await userCtx("process_owner", "lena.lending@flowdeck.test", { team: "Lending" });
  otherOwner = await userCtx("process_owner", "finn.fulfilment@flowdeck.test", { team: "Fulfilment" });
  ops = await userCtx("ops_leader");
});

describe("saving and deleting SLOs (lib/server/slos/save-slo.ts)", () => {
  it("lets an admin create an SLO on any process, stored as a ratio, evaluated and audited", async () => {
    const loans = await saveSlo(admin, sloInput({ objective: 99.5 }));
    const orders = await saveSlo(admin, sloInput({ name: "Orders succeed untouched", process: "order-fulfilment", sli: "failure_rate", targetSec: undefined, windowDays: 28 }));

    expect(loans).toMatchObject({ process: "loan-approval", processName: "Loan approval", sli: "cycle_time", targetSec: 86400, objective: 99.5, windowDays: 30, minBadEvents: 5 });
    expect(loans.tiers).toHaveLength(4);
    expect(loans.status).toMatchObject({ window: { bad: 0, total: 0 }, budgetRemaining: 1, health: "ok" });
    expect(orders).toMatchObject({ process: "order-fulfilment", sli: "failure_rate", targetSec: null, windowDays: 28 });

    const db = await getDb();
    expect((await db.slo.findUniqueOrThrow({ where: { id: loans.id } })).objective).toBeCloseTo(0.995, 12);
    const audits = await sloAudits();
    expect(audits.map((a) => [a.action, a.targetId, a.actorId])).toEqual([
      ["slo.create", loans.id, admin.actor.type === "user" ? admin.actor.id : "?"],
      ["slo.create", orders.id, admin.actor.type === "user" ? admin.actor.id : "?"],
    ]);
    expect(audits[0]!.after).toMatchObject({ name: "Loans decided within a day", sli: "cycle_time", objective: 0.995, targetSec: 86400 });
  });

  it("lets a process owner of the owning team create, edit and delete, one audit row each", async () => {
    const created = await saveSlo(owner, sloInput());
    const edited = await saveSlo(owner, { ...sloInput({ name: "Loans decided within 12 h", targetSec: 12 * 3600, objective: 90 }), id: created.id });
    expect(edited).toMatchObject({ id: created.id, name: "Loans decided within 12 h", targetSec: 43200, objective: 90 });
    expect(await written()).toEqual({ slos: 1, audits: 2 });

    expect(await deleteSlo(owner, { id: created.id })).toEqual({ id: created.id });
    expect(await written()).toEqual({ slos: 0, audits: 3 });

    const audits = await sloAudits();
    expect(audits.map((a) => a.action)).toEqual(["slo.create", "slo.update", "slo.delete"]);
    for (const a of audits) expect(a).toMatchObject({ actorType: "user", actorLabel: "lena.lending@flowdeck.test", targetType: "slo", targetId: created.id });
    expect(audits[1]!.before).toMatchObject({ name: "Loans decided within a day", targetSec: 86400, objective: 0.95 });
    expect(audits[1]!.after).toMatchObject({ name: "Loans decided within 12 h", targetSec: 43200, objective: 0.9 });
    expect(audits[2]!.before).toMatchObject({ name: "Loans decided within 12 h" });
  });

  it("refuses a process owner of another team, writing nothing", async () => {
    const slo = await saveSlo(owner, sloInput());
    const before = await written();

    await expectAppError(saveSlo(otherOwner, sloInput({ name: "Sneaky" })), "forbidden");
    await expectAppError(saveSlo(otherOwner, { ...sloInput({ name: "Sneaky", objective: 50 }), id: slo.id }), "forbidden");
    await expectAppError(deleteSlo(otherOwner, { id: slo.id }), "forbidden");

    expect(await written()).toEqual(before);
    expect(await getSlo(admin, { id: slo.id })).toMatchObject({ name: "Loans decided within a day", objective: 95 });
    // Their own team's process is theirs to change.
    await expect(saveSlo(otherOwner, sloInput({ process: "order-fulfilment", name: "Orders in 4 h", targetSec: 4 * 3600 }))).resolves.toMatchObject({
      process: "order-fulfilment",
    });
  });

  it("refuses an ops leader (the permission table) and a process without an owning team, writing nothing", async () => {
    const slo = await saveSlo(admin, sloInput());
    const before = await written();
    await expectAppError(saveSlo(ops, sloInput({ name: "Ops" })), "forbidden");
    await expectAppError(saveSlo(ops, { ...sloInput(), id: slo.id }), "forbidden");
    await expectAppError(deleteSlo(ops, { id: slo.id }), "forbidden");

    // A process first seen in events has no team: only admins may give it SLOs.
    const { token } = await createKey(["ingest"]);
    await ingestAs(token, [ev({ caseId: "x-1", process: "unowned", state: "start" })]);
    await expectAppError(saveSlo(owner, sloInput({ process: "unowned" })), "forbidden");
    expect(await written()).toEqual(before);
  });

  it("answers not_found for an unknown process or SLO, and for an SLO edited under another process", async () => {
    await expectAppError(saveSlo(admin, sloInput({ process: "no-such-process" })), "not_found");
    await expectAppError(saveSlo(admin, { ...sloInput(), id: "no-such-slo" }), "not_found");
    await expectAppError(deleteSlo(admin, { id: "no-such-slo" }), "not_found");
    const slo = await saveSlo(admin, sloInput());
    await expectAppError(saveSlo(admin, { ...sloInput({ process: "order-fulfilment" }), id: slo.id }), "not_found");
    expect(await written()).toEqual({ slos: 1, audits: 1 });
  });
});

describe("ZSloInput", () => {
  const issuesOf = (body: unknown) => {
    const r = ZSloInput.safeParse(body);
    return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
  };

  it("takes a valid SLO and fills the default tiers and minimum of bad events", () => {
    const s = ZSloInput.parse(sloBody());
    expect(s.tiers.map((t) => [t.severity, t.longWindow, t.shortWindow, t.budgetShare])).toEqual([
      ["page", "1h", "5m", 0.02],
      ["page", "6h", "30m", 0.05],
      ["ticket", "1d", "2h", 0.1],
      ["ticket", "3d", "6h", 0.1],
    ]);
    expect(s.minBadEvents).toBe(5);
  });

  it("names the field of each mistake", () => {
    expect(issuesOf(sloBody({ objective: 100 }))).toEqual(["objective"]);
    expect(issuesOf(sloBody({ objective: 0 }))).toEqual(["objective"]);
    expect(issuesOf(sloBody({ targetSec: undefined }))).toEqual(["targetSec"]);
    expect(issuesOf(sloBody({ targetSec: 1000 }))).toEqual(["targetSec"]);
    expect(issuesOf(sloBody({ sli: "failure_rate", targetSec: 3600 }))).toEqual(["targetSec"]);
    expect(issuesOf({ ...sloBody(), windowDays: 14 })).toEqual(["windowDays"]);
    expect(issuesOf(sloBody({ tiers: [{ severity: "page", longWindow: "1h", shortWindow: "1h", budgetShare: 0.02 }] }))).toEqual(["tiers.0.shortWindow"]);
    expect(issuesOf(sloBody({ tiers: [{ severity: "page", longWindow: "5m", shortWindow: "1h", budgetShare: 0.02 }] }))).toEqual(["tiers.0.shortWindow"]);
    expect(issuesOf({ ...sloBody(), tiers: [{ severity: "page", longWindow: "2d", shortWindow: "1h", budgetShare: 0.02 }] })).toEqual(["tiers.0.longWindow"]);
  });
});

describe("the SLO routes, as a signed-in user", () => {
  const create = (ctx: Ctx, body: unknown) => callAs(ctx, createSloRoute, "POST", "/api/v1/slos", { body });
  const put = (ctx: Ctx, id: string, body: unknown) => callAs(ctx, putSloRoute, "PUT", `/api/v1/slos/${id}`, { body, params: { id } });
  const del = (ctx: Ctx, id: string) => callAs(ctx, deleteSloRoute, "DELETE", `/api/v1/slos/${id}`, { params: { id } });
  const get = (ctx: Ctx, id: string) => callAs(ctx, getSloRoute, "GET", `/api/v1/slos/${id}`, { params: { id } });

  it("lets the owning team's process owner create, read, edit and delete", async () => {
    const created = await create(owner, sloBody());
    expect(created).toMatchObject({ status: 201, body: { process: "loan-approval", objective: 95, sli: "cycle_time" } });
    const id = created.body!.id as string;

    expect(await get(owner, id)).toMatchObject({ status: 200, body: { id, name: "Loans decided within a day", alerts: [] } });
    // Every role may read.
    expect((await get(ops, id)).status).toBe(200);

    const edited = await put(owner, id, sloBody({ objective: 99, windowDays: 28 }));
    expect(edited).toMatchObject({ status: 200, body: { id, objective: 99, windowDays: 28 } });

    expect(await del(owner, id)).toMatchObject({ status: 200, body: { id } });
    expect((await get(owner, id)).status).toBe(404);
    expect((await sloAudits()).map((a) => a.action)).toEqual(["slo.create", "slo.update", "slo.delete"]);
  });

  it("answers 403 to another team's owner and to an ops leader, 401 without a session, writing nothing", async () => {
    const { id } = await saveSlo(owner, sloInput());
    const before = await written();

    for (const ctx of [otherOwner, ops]) {
      expect(await create(ctx, sloBody({ name: "Not yours" }))).toMatchObject({ status: 403, body: { error: "forbidden" } });
      expect(await put(ctx, id, sloBody({ objective: 50 }))).toMatchObject({ status: 403, body: { error: "forbidden" } });
      expect(await del(ctx, id)).toMatchObject({ status: 403, body: { error: "forbidden" } });
    }
    expect((await call(createSloRoute, "POST", "/api/v1/slos", { body: sloBody() })).status).toBe(401);
    const { token } = await createKey(["ingest", "commands", "read"]);
    expect(await call(createSloRoute, "POST", "/api/v1/slos", { token, body: sloBody() })).toMatchObject({ status: 403 });

    expect(await written()).toEqual(before);
    expect((await getSlo(admin, { id })).objective).toBe(95);
  });

  it("refuses invalid SLOs with 400 naming the field, writing nothing", async () => {
    const cases: [unknown, (string | number)[]][] = [
      [sloBody({ objective: 100 }), ["objective"]],
      [sloBody({ objective: 0 }), ["objective"]],
      [sloBody({ targetSec: undefined }), ["targetSec"]],
      [sloBody({ targetSec: 5400 }), ["targetSec"]],
      [{ ...sloBody(), windowDays: 90 }, ["windowDays"]],
      [{ ...sloBody(), tiers: [{ severity: "page", longWindow: "1h", shortWindow: "fortnight", budgetShare: 0.02 }] }, ["tiers", 0, "shortWindow"]],
      [sloBody({ tiers: [{ severity: "page", longWindow: "30m", shortWindow: "1h", budgetShare: 0.02 }] }), ["tiers", 0, "shortWindow"]],
    ];
    for (const [body, path] of cases) {
      const res = await create(owner, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body!.error).toBe("invalid_request");
      expect((res.body!.issues as { path: (string | number)[] }[]).map((i) => i.path)).toEqual([path]);
    }
    expect(await written()).toEqual({ slos: 0, audits: 0 });
  });

  it("answers 404 for an unknown process or SLO", async () => {
    expect(await create(admin, sloBody({ process: "no-such-process" }))).toMatchObject({ status: 404, body: { error: "not_found" } });
    expect(await put(admin, "nope", sloBody())).toMatchObject({ status: 404, body: { error: "not_found" } });
    expect(await del(admin, "nope")).toMatchObject({ status: 404, body: { error: "not_found" } });
    expect(await written()).toEqual({ slos: 0, audits: 0 });
  });
});

describe("PUT /api/v1/processes/{key}/thresholds", () => {
  const MIN = 60_000;
  let token: string;
  let t0: number;

  const put = (ctx: Ctx, body: unknown, key = "loan-approval") =>
    callAs(ctx, thresholdsRoute, "PUT", `/api/v1/processes/${key}/thresholds`, { body, params: { key } });
  const stuckAfterOf = async (id: string) => (await (await getDb()).case.findUniqueOrThrow({ where: { id } })).stuckAfter;
  const stuckIds = async () => {
    const res = await call(listCasesRoute, "GET", "/api/v1/cases?process=loan-approval&stuck=true", { token });
    return (res.body!.cases as { id: string }[]).map((c) => c.id).sort();
  };

  /** Relative to real time, because "stuck" is decided against the clock. */
  beforeEach(async () => {
    ({ token } = await createKey(["ingest", "read"]));
    t0 = Date.now();
    const at = (minutesAgo: number) => new Date(t0 - minutesAgo * MIN).toISOString();
    const events: TEvent[] = [
      // In manual-review (4 h threshold) for an hour: not stuck.
      ev({ caseId: "review-1", at: at(70), state: "intake" }),
      ev({ caseId: "review-1", type: "case.waiting", at: at(60), state: "manual-review" }),
      // In credit-check (15 min threshold) for 5 minutes: not stuck.
      ev({ caseId: "check-1", at: at(6), state: "intake" }),
      ev({ caseId: "check-1", type: "case.state_entered", at: at(5), state: "credit-check" }),
      // Finished: never stuck.
      ev({ caseId: "done-1", at: at(90), state: "intake" }),
      ev({ caseId: "done-1", type: "case.completed", at: at(80) }),
    ];
    await ingestAs(token, events);
  });

  it("lets the owning team's process owner lower a threshold: open cases move at once, audited with the reason", async () => {
    expect(await stuckIds()).toEqual([]);
    const body = { defaultMinutes: 120, states: { "manual-review": 30, "credit-check": 15, intake: null }, reason: "reviews must start within half an hour" };
    const res = await put(owner, body);
    expect(res).toMatchObject({
      status: 200,
      body: { defaultStuckThresholdSec: 7200, stuckThresholds: { "manual-review": 1800, "credit-check": 900 }, openCasesUpdated: 2 },
    });

    const db = await getDb();
    const review = await db.case.findUniqueOrThrow({ where: { id: "review-1" } });
    expect(review.stuckAfter!.getTime()).toBe(review.stateEnteredAt.getTime() + 30 * MIN);
    const check = await db.case.findUniqueOrThrow({ where: { id: "check-1" } });
    expect(check.stuckAfter!.getTime()).toBe(check.stateEnteredAt.getTime() + 15 * MIN);
    expect(await stuckAfterOf("done-1")).toBeNull();
    expect(await stuckIds()).toEqual(["review-1"]);

    const audits = await db.auditLog.findMany({ where: { action: "process.thresholds" } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorType: "user",
      actorLabel: "lena.lending@flowdeck.test",
      targetType: "process",
      reason: "reviews must start within half an hour",
      before: { defaultStuckThresholdSec: 7200, stuckThresholds: { intake: 1800, "credit-check": 900, "manual-review": 14400, disbursement: 1800 } },
      after: { defaultStuckThresholdSec: 7200, stuckThresholds: { "manual-review": 1800, "credit-check": 900 } },
    });
    const process = await db.process.findUniqueOrThrow({ where: { key: "loan-approval" } });
    expect(process.stuckThresholds).toEqual({ "manual-review": 1800, "credit-check": 900 });
  });

  it("answers 403 to another team's owner and an ops leader, and 400 without a reason, changing nothing", async () => {
    const before = await stuckAfterOf("review-1");
    const body = { defaultMinutes: 120, states: { "manual-review": 30 }, reason: "tighten reviews" };
    expect(await put(otherOwner, body)).toMatchObject({ status: 403, body: { error: "forbidden" } });
    expect(await put(ops, body)).toMatchObject({ status: 403, body: { error: "forbidden" } });
    const invalid = await put(owner, { ...body, reason: "" });
    expect(invalid.status).toBe(400);
    expect((invalid.body!.issues as { path: string[] }[]).map((i) => i.path)).toEqual([["reason"]]);
    expect(await put(admin, body, "no-such-process")).toMatchObject({ status: 404 });

    expect(await stuckAfterOf("review-1")).toEqual(before);
    expect(await stuckIds()).toEqual([]);
    const db = await getDb();
    expect(await db.auditLog.count({ where: { action: "process.thresholds" } })).toBe(0);
    expect((await db.process.findUniqueOrThrow({ where: { key: "loan-approval" } })).stuckThresholds).toMatchObject({ "manual-review": 14400 });
  });
});

describe("GET /api/metrics", () => {
  const MIN = 60_000;
  const METRICS_TOKEN = "metrics-token-0123456789abcdef";
  let reader: string;
  let sloId: string;
  let saved: string | undefined;

  async function scrape(headers: Record<string, string> = {}) {
    const response = await metricsRoute(new Request("http://flowdeck.test/api/metrics", { headers }), { params: Promise.resolve({}) });
    return { status: response.status, type: response.headers.get("content-type") ?? "", text: await response.text() };
  }

  /** The value of the sample of `name` whose labels include `labels`. */
  function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
    for (const line of text.split("\n")) {
      const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!m || m[1] !== name) continue;
      const found = Object.fromEntries([...(m[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1], x[2]]));
      if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(m[3]);
    }
    return undefined;
  }

  beforeEach(async () => {
    saved = process.env.FLOWDECK_METRICS_TOKEN;
    delete process.env.FLOWDECK_METRICS_TOKEN;
    const { token } = await createKey(["ingest"]);
    ({ token: reader } = await createKey(["read"]));
    const t0 = Date.now();
    const at = (minutesAgo: number) => new Date(t0 - minutesAgo * MIN).toISOString();
    const events: TEvent[] = [];
    // Two open cases started 2 h ago (past a 1 h target); three completed within 20 min, one failed.
    for (const id of ["open-1", "open-2"]) events.push(ev({ caseId: id, at: at(120), state: "intake" }), ev({ caseId: id, type: "case.waiting", at: at(110), state: "manual-review" }));
    for (const [i, id] of ["ok-1", "ok-2", "ok-3"].entries()) events.push(ev({ caseId: id, at: at(40 + i), state: "intake" }), ev({ caseId: id, type: "case.completed", at: at(20 + i) }));
    events.push(ev({ caseId: "bad-1", at: at(40), state: "intake" }), ev({ caseId: "bad-1", type: "case.failed", at: at(30), error: { code: "declined", message: "declined" } }));
    await ingestAs(token, events);
    ({ id: sloId } = await saveSlo(owner, sloInput({ name: "Loans decided within 1 h", targetSec: 3600, objective: 90 })));
  });

  afterEach(() => {
    if (saved === undefined) delete process.env.FLOWDECK_METRICS_TOKEN;
    else process.env.FLOWDECK_METRICS_TOKEN = saved;
  });

  it("answers a read key with the Prometheus text of the cases and the SLO as last evaluated", async () => {
    const res = await scrape({ authorization: `Bearer ${reader}` });
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/plain/);
    expect(res.text).toContain("# TYPE flowdeck_cases_open gauge");
    expect(res.text).toContain('flowdeck_cases_open{process="loan-approval"} 2');
    expect(sample(res.text, "flowdeck_cases_failed_24h", { process: "loan-approval" })).toBe(1);
    expect(sample(res.text, "flowdeck_cases_finished_24h", { process: "loan-approval" })).toBe(4);

    // Window: 4 finished, 3 within the target, plus 2 open past it: bad 1 + 2 = 3 of 6.
    // Budget remaining = 1 - (3/6) / 0.1 = -4; burn over 1 h = 5.
    const { status } = await getSlo(admin, { id: sloId });
    expect(status!.window).toEqual({ bad: 3, total: 6 });
    const labels = { process: "loan-approval", slo: "Loans decided within 1 h", slo_id: sloId };
    expect(res.text).toContain("flowdeck_slo_error_budget_remaining{");
    expect(sample(res.text, "flowdeck_slo_error_budget_remaining", { ...labels, sli: "cycle_time" })).toBeCloseTo(-4, 9);
    expect(sample(res.text, "flowdeck_slo_error_budget_remaining", { ...labels, sli: "cycle_time" })).toBeCloseTo(status!.budgetRemaining, 9);
    expect(sample(res.text, "flowdeck_slo_burn_rate", { ...labels, window: "1h" })).toBeCloseTo(5, 9);
    expect(sample(res.text, "flowdeck_slo_objective_ratio", labels)).toBeCloseTo(0.9, 12);
  });

  it("answers 401 without credentials or with a wrong token, 403 to a key without the read scope", async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape({ authorization: "Bearer not-a-key" })).status).toBe(401);
    const { token: ingestOnly } = await createKey(["ingest"]);
    expect((await scrape({ authorization: `Bearer ${ingestOnly}` })).status).toBe(403);
  });

  it("takes the configured metrics token as a bearer token", async () => {
    expect((await scrape({ authorization: `Bearer ${METRICS_TOKEN}` })).status).toBe(401);
    process.env.FLOWDECK_METRICS_TOKEN = METRICS_TOKEN;
    const res = await scrape({ authorization: `Bearer ${METRICS_TOKEN}` });
    expect(res.status).toBe(200);
    expect(res.text).toContain('flowdeck_cases_open{process="loan-approval"} 2');
    // Same length, other token: not the metrics token, and not an API key either.
    expect((await scrape({ authorization: `Bearer ${METRICS_TOKEN.replace(/f$/, "e")}` })).status).toBe(401);
    // Same number of characters but more bytes: still a plain 401, never a 500.
    expect((await scrape({ authorization: `Bearer ${METRICS_TOKEN.replace(/f$/, "é")}` })).status).toBe(401);
    // A read key still works beside it.
    expect((await scrape({ authorization: `Bearer ${reader}` })).status).toBe(200);
  });
});
