import { beforeAll, describe, expect, it } from "vitest";
import { GET as getCaseRoute } from "@/app/api/v1/cases/[caseId]/route";
import { GET as listCasesRoute } from "@/app/api/v1/cases/route";
import { POST as ingestRoute } from "@/app/api/v1/events/route";
import { GET as listProcessesRoute } from "@/app/api/v1/processes/route";
import { getDb } from "@/lib/db";
import { projectAll } from "@/lib/server/events/project-cases";
import { createKey, resetDatabase, systemCtx } from "../support/db";
import { ev, loanCase } from "../support/events";
import { call } from "../support/http";

type ApiCase = { id: string; state: string; status: string; stuck: boolean; stuckFor: number; thresholdSec: number | null };

let reader: string;
let writer: string;

/**
 * Fixture, relative to real time so the stuck verdicts are live:
 * - 30 open loan cases in credit-check, entered i minutes apart, 3 hours ago and older (stuck: default 2 h);
 * - 5 loan cases waiting in manual-review for 10 minutes (not stuck);
 * - 2 completed loan cases; 1 failed order case.
 */
beforeAll(async () => {
  await resetDatabase();
  ({ token: writer } = await createKey(["ingest"]));
  ({ token: reader } = await createKey(["read"]));
  const now = Date.now();
  const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
  const events = [];
  for (let i = 0; i < 30; i++) {
    events.push(ev({ caseId: `stuck-${String(i).padStart(2, "0")}`, at: at(240 + i), state: "intake" }));
    events.push(ev({ type: "case.state_entered", caseId: `stuck-${String(i).padStart(2, "0")}`, at: at(180 + i), state: "credit-check" }));
  }
  for (let i = 0; i < 5; i++) {
    events.push(ev({ caseId: `review-${i}`, at: at(60), state: "intake" }));
    events.push(ev({ type: "case.waiting", caseId: `review-${i}`, at: at(10), state: "manual-review" }));
  }
  events.push(...loanCase("done-1"), ...loanCase("done-2", 60));
  events.push(ev({ caseId: "order-1", process: "order-fulfilment", processVersion: "2.1.0", at: at(30), state: "payment" }));
  events.push(ev({ type: "case.failed", caseId: "order-1", process: "order-fulfilment", at: at(20), error: { code: "card_declined", message: "declined" } }));
  const res = await call(ingestRoute, "POST", "/api/v1/events", { token: writer, body: { events } });
  expect(res.status).toBe(202);
  await projectAll(await systemCtx());
});

const list = (query: string) => call(listCasesRoute, "GET", `/api/v1/cases${query}`);
const listAs = (query: string, token = reader) => call(listCasesRoute, "GET", `/api/v1/cases${query}`, { token });

describe("GET /api/v1/cases", () => {
  it("needs a key with the read scope", async () => {
    expect((await list("")).status).toBe(401);
    expect((await listAs("", writer)).status).toBe(403);
  });

  it("lists newest state entry first, each with stuck and stuckFor", async () => {
    const res = await listAs("?limit=500");
    const cases = res.body!.cases as ApiCase[];
    expect(cases).toHaveLength(38);
    expect(cases.slice(0, 5).every((c) => c.id.startsWith("review-") || c.id === "order-1")).toBe(true);
    const stuck = cases.find((c) => c.id === "stuck-00")!;
    expect(stuck).toMatchObject({ stuck: true, status: "running", state: "credit-check", thresholdSec: 7200 });
    expect(stuck.stuckFor).toBeGreaterThanOrEqual(180 * 60);
    expect(cases.find((c) => c.id === "review-0")).toMatchObject({ stuck: false, stuckFor: 0, status: "waiting" });
    expect(cases.find((c) => c.id === "done-1")).toMatchObject({ stuck: false, status: "completed", thresholdSec: null });
  });

  it("filters by process, state, status and stuck", async () => {
    const ids = async (q: string) => ((await listAs(q)).body!.cases as ApiCase[]).map((c) => c.id);
    expect(await ids("?process=order-fulfilment")).toEqual(["order-1"]);
    expect((await ids("?process=loan-approval&state=manual-review")).sort()).toEqual(["review-0", "review-1", "review-2", "review-3", "review-4"]);
    expect((await ids("?status=completed")).sort()).toEqual(["done-1", "done-2"]);
    expect(await ids("?stuck=true&limit=500")).toHaveLength(30);
    expect(await ids("?stuck=false&limit=500")).toHaveLength(8);
    expect(await ids("?process=no-such-process")).toEqual([]);
  });

  it("pages with a cursor without gaps or repeats", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await listAs(`?stuck=true&limit=7${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...(res.body!.cases as ApiCase[]).map((c) => c.id));
      cursor = res.body!.nextCursor as string | null;
      pages++;
    } while (cursor);
    expect(pages).toBe(5);
    expect(seen).toEqual(Array.from({ length: 30 }, (_, i) => `stuck-${String(i).padStart(2, "0")}`));
  });

  it("refuses bad filters with the field named", async () => {
    for (const [q, field] of [
      ["?status=sleeping", "status"],
      ["?stuck=yes", "stuck"],
      ["?limit=0", "limit"],
      ["?limit=501", "limit"],
      ["?process=Bad_Key", "process"],
      ["?cursor=garbage", "cursor"],
    ]) {
      const res = await listAs(q!);
      expect(res.status, q).toBe(400);
      expect((res.body!.issues as { path: string[] }[])[0]!.path, q).toEqual([field]);
    }
  });
});

describe("GET /api/v1/cases/{caseId}", () => {
  it("returns the case, its timeline in order and its commands", async () => {
    const res = await call(getCaseRoute, "GET", "/api/v1/cases/done-1", { token: reader, params: { caseId: "done-1" } });
    expect(res.status).toBe(200);
    const body = res.body as { case: ApiCase; timeline: { type: string; attempt: number | null }[]; commands: unknown[] };
    expect(body.case).toMatchObject({ id: "done-1", status: "completed" });
    expect(body.timeline.map((e) => e.type)).toEqual(loanCase("x").map((e) => e.type));
    expect(body.timeline[4]).toMatchObject({ type: "step.attempted", attempt: 2, idempotencyKey: "done-1-cc-1", provider: "bureau-a" });
    expect(body.commands).toEqual([]);
  });

  it("answers 404 for an unknown case", async () => {
    const res = await call(getCaseRoute, "GET", "/api/v1/cases/nope", { token: reader, params: { caseId: "nope" } });
    expect(res).toMatchObject({ status: 404, body: { error: "not_found" } });
  });
});

describe("GET /api/v1/processes", () => {
  it("returns each process with open and stuck counts and the failure rate", async () => {
    const res = await call(listProcessesRoute, "GET", "/api/v1/processes", { token: reader });
    expect(res.status).toBe(200);
    const byKey = Object.fromEntries((res.body!.processes as { key: string }[]).map((p) => [p.key, p]));
    expect(byKey["loan-approval"]).toMatchObject({ name: "Loan approval", owner: null, openCases: 35, stuckCases: 30, slos: [] });
    expect(byKey["order-fulfilment"]).toMatchObject({ openCases: 0, stuckCases: 0, failureRate: 1 });
  });

  it("counts a team as the owner once one is assigned", async () => {
    const db = await getDb();
    const team = await db.team.create({ data: { name: "Lending" } });
    await db.process.update({ where: { key: "loan-approval" }, data: { teamId: team.id } });
    const res = await call(listProcessesRoute, "GET", "/api/v1/processes", { token: reader });
    expect((res.body!.processes as { key: string; owner: string }[]).find((p) => p.key === "loan-approval")!.owner).toBe("Lending");
  });
});
