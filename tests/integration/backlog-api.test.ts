import { beforeAll, describe, expect, it } from "vitest";
import { POST as ingestRoute } from "@/app/api/v1/events/route";
import { GET as backlogRoute } from "@/app/api/v1/processes/[key]/backlog/route";
import { getDb } from "@/lib/db";
import { projectAll, projectQueuedCases } from "@/lib/server/events/project-cases";
import type { TEvent } from "@/lib/validation/event";
import { defineProcess } from "@/lib/server/processes/define-process";
import { DEMO_PROCESSES } from "@/prisma/demo-catalog";
import { createKey, resetDatabase, systemCtx } from "../support/db";
import { ev } from "../support/events";
import { call } from "../support/http";

const T0 = Date.UTC(2026, 10, 20, 9, 0, 0); // 09:00
const at = (minute: number) => new Date(T0 + minute * 60_000).toISOString();

let writer: string;
let reader: string;

async function ingest(events: TEvent[]) {
  const res = await call(ingestRoute, "POST", "/api/v1/events", { token: writer, body: { events } });
  expect(res.status).toBe(202);
}

const backlog = (query: string, key = "loan-approval", token = reader) =>
  call(backlogRoute, "GET", `/api/v1/processes/${key}/backlog${query}`, { token, params: { key } });

type Body = { states: string[]; stepSec: number; points: { at: string; counts: Record<string, number>; total: number }[] };

/**
 * Three cases: A enters intake at 09:00, credit-check at 09:10, completes at 09:30;
 * B enters intake at 09:05 and stays; C enters intake at 09:20, credit-check at 09:25.
 */
beforeAll(async () => {
  await resetDatabase();
  ({ token: writer } = await createKey(["ingest"]));
  ({ token: reader } = await createKey(["read"]));
  const loan = DEMO_PROCESSES.find((p) => p.key === "loan-approval")!;
  await defineProcess(await systemCtx(), { key: loan.key, name: loan.name, version: { version: loan.version, graph: loan.graph } });
  await ingest([
    ev({ caseId: "A", at: at(0), state: "intake" }),
    ev({ caseId: "A", type: "case.state_entered", at: at(10), state: "credit-check" }),
    ev({ caseId: "B", at: at(5), state: "intake" }),
  ]);
  await projectAll(await systemCtx());
  // Out of order and across rounds: C's later event arrives first; A's completion last.
  await ingest([ev({ caseId: "C", type: "case.state_entered", at: at(25), state: "credit-check" })]);
  await projectQueuedCases(await systemCtx());
  await ingest([ev({ caseId: "C", at: at(20), state: "intake" })]);
  await ingest([ev({ caseId: "A", type: "case.completed", at: at(30) })]);
  await projectAll(await systemCtx());
});

describe("GET /api/v1/processes/{key}/backlog", () => {
  it("gives open cases per state at each step, in the graph's state order", async () => {
    const res = await backlog(`?from=${at(0)}&to=${at(40)}&step=5m`);
    expect(res.status).toBe(200);
    const body = res.body as unknown as Body;
    expect(body.stepSec).toBe(300);
    expect(body.states).toEqual(["intake", "credit-check"]);
    const byMinute = body.points.map((p) => [(Date.parse(p.at) - T0) / 60_000, p.counts.intake, p.counts["credit-check"]]);
    expect(byMinute).toEqual([
      [0, 1, 0],
      [5, 2, 0],
      [10, 1, 1],
      [15, 1, 1],
      [20, 2, 1],
      [25, 1, 2],
      [30, 1, 1],
      [35, 1, 1],
      [40, 1, 1],
    ]);
  });

  it("ends on today's live count of open cases", async () => {
    const res = await backlog("");
    const last = (res.body as unknown as Body).points.at(-1)!;
    const db = await getDb();
    const open = await db.case.count({ where: { stuckAfter: { not: null } } });
    expect(last.total).toBe(open);
    expect(last.counts).toEqual({ intake: 1, "credit-check": 1 });
  });

  it("keeps the backlog exact when a case is replayed", async () => {
    // A late event, before B's stored cursor: B actually entered intake at 09:02.
    await ingest([ev({ caseId: "B", type: "case.state_entered", at: at(2), state: "intake" })]);
    await projectAll(await systemCtx());
    const res = await backlog(`?from=${at(0)}&to=${at(10)}&step=1m`);
    const counts = (res.body as unknown as Body).points.map((p) => p.counts.intake);
    // B counts from 09:02 now (not 09:05); A leaves intake at 09:10.
    expect(counts).toEqual([1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 1]);
  });

  it("refuses bad windows and unknown processes", async () => {
    expect((await backlog(`?from=${at(10)}&to=${at(0)}`)).status).toBe(400);
    expect((await backlog("?step=10s")).status).toBe(400);
    expect((await backlog("?step=1m&from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z")).status).toBe(400);
    expect((await backlog("?from=yesterday")).status).toBe(400);
    expect((await backlog("", "no-such-process")).status).toBe(404);
    expect((await backlog("", "loan-approval", writer)).status).toBe(403);
  });
});
