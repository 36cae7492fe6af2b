import { beforeEach, describe, expect, it } from "vitest";
import { GET as badCasesRoute } from "@/app/api/v1/slos/[id]/bad-cases/route";
import { GET as breachingRoute } from "@/app/api/v1/slos/[id]/breaching/route";
import { GET as burnRoute } from "@/app/api/v1/slos/[id]/burn/route";
import { GET as listProcessesRoute } from "@/app/api/v1/processes/route";
import { GET as routingRoute } from "@/app/api/v1/processes/[key]/routing/route";
import { getDb } from "@/lib/db";
import { DEFAULT_TIERS } from "@/lib/domain/slo";
import type { Ctx } from "@/lib/server/context";
import { requestCaseCommand } from "@/lib/server/commands/request-case-command";
import { badCases } from "@/lib/server/slos/bad-cases";
import type { SloStatus } from "@/lib/server/slos/evaluate-slo";
import { evaluateAllSlos, evaluateAndStore } from "@/lib/server/slos/evaluate-slos";
import { getSlo } from "@/lib/server/slos/get-slo";
import { saveSlo } from "@/lib/server/slos/save-slo";
import type { TEvent } from "@/lib/validation/event";
import { ZSloInput, type TSloInput } from "@/lib/validation/slo";
import { createKey, resetDatabase, systemCtx } from "../support/db";
import { ev } from "../support/events";
import { call } from "../support/http";
import { defineLoanApproval, ingestAs, requestId, userCtx } from "../support/outbox";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/**
 * The evaluation instant. Evaluations count complete minutes only, so every window
 * ends at TO = 12:17:00; "the last hour" is [11:17, 12:17). Not on an hour, so windows
 * are summed from both the minute buckets and the hourly rollup.
 */
const NOW = new Date("2026-11-20T12:17:30Z");
const TO = Date.parse("2026-11-20T12:17:00Z");

type Step = [at: number, type: TEvent["type"], state?: string];

/** A case's events at absolute instants (ms); the first step is its start. */
function story(caseId: string, steps: Step[], process = "loan-approval"): TEvent[] {
  return steps.map(([at, type, state]) =>
    ev({
      caseId,
      process,
      type,
      at: new Date(at).toISOString(),
      ...(state ? { state } : {}),
      ...(type === "case.started" && process !== "loan-approval" ? { processVersion: "2.1.0" } : {}),
      ...(type === "case.failed" || type === "step.failed" ? { error: { code: "declined", message: "declined" } } : {}),
    }),
  );
}

/** Started `cycleMin` minutes before `end`, in intake then credit-check, finished at `end` with `outcome`. */
function finished(caseId: string, end: number, cycleMin: number, outcome: TEvent["type"] = "case.completed", process = "loan-approval"): TEvent[] {
  const start = end - cycleMin * MIN;
  return story(
    caseId,
    [
      [start, "case.started", "intake"],
      [start + MIN / 2, "case.state_entered", "credit-check"],
      [end, outcome],
    ],
    process,
  );
}

const sloInput = (overrides: Partial<TSloInput>) =>
  ZSloInput.parse({ name: "SLO", process: "loan-approval", sli: "failure_rate", objective: 95, windowDays: 30, ...overrides });

let system: Ctx;
let token: string; // the engine's key: ingest, commands, read
let processId: string;

beforeEach(async () => {
  await resetDatabase();
  await defineLoanApproval();
  system = await systemCtx();
  ({ token } = await createKey(["ingest", "commands", "read"]));
  processId = (await (await getDb()).process.findUniqueOrThrow({ where: { key: "loan-approval" } })).id;
});

async function evaluate(now: Date) {
  return (await getDb()).$transaction((tx) => evaluateAndStore(tx, processId, now));
}

async function statusOf(id: string): Promise<SloStatus> {
  return (await getSlo(system, { id })).status!;
}

describe("evaluating a cycle-time SLO", () => {
  /**
   * 20 loan cases finished in the last hour, every 2 minutes from 12:14 back to 11:36;
   * #5 (12:02) and #15 (11:42) took 3 h 10 min, the others 30 min. Also: an open case
   * started 2 days ago (past the 1 h target), an open case started 30 min ago (not yet),
   * a slow case that finished 31 days ago (outside the window) and a slow case of
   * another process.
   */
  beforeEach(async () => {
    const events: TEvent[] = [];
    for (let i = 0; i < 20; i++) events.push(...finished(`done-${i}`, TO - (3 + 2 * i) * MIN, i === 5 || i === 15 ? 190 : 30));
    events.push(...story("open-old", [[NOW.getTime() - 2 * DAY, "case.started", "intake"], [NOW.getTime() - 2 * DAY + 5 * MIN, "case.waiting", "manual-review"]]));
    events.push(...story("open-young", [[TO - 30 * MIN, "case.started", "intake"]]));
    events.push(...finished("ancient", TO - 31 * DAY, 190));
    events.push(...finished("order-1", TO - 10 * MIN, 300, "case.completed", "order-fulfilment"));
    await ingestAs(token, events);
  });

  it("counts finished cases in each window and open cases past the target as bad now", async () => {
    const slo = await saveSlo(system, sloInput({ name: "Loans within 1 h", sli: "cycle_time", targetSec: 3600, objective: 90 }), NOW);
    expect(await evaluate(NOW)).toEqual({ slos: 1, opened: 0, resolved: 0 });
    const s = await statusOf(slo.id);

    // Window (30 d): 20 finished, 18 within 1 h; + 1 open past the target. bad 2 + 1 = 3, total 21.
    expect(s.window).toEqual({ bad: 3, total: 21 });
    expect(s.openPastTarget).toBe(1);
    expect(s.sli).toBeCloseTo(18 / 21, 12);
    // Budget remaining = 1 - (3/21) / (1 - 0.9) = -0.428...
    expect(s.budgetRemaining).toBeCloseTo(1 - 3 / 21 / 0.1, 12);
    // The last hour [11:17, 12:17) holds the same 20 finished cases (+ the open one): 1.43.
    expect(s.burn["1h"]).toBeCloseTo(3 / 21 / 0.1, 12);
    expect(s.burn["6h"]).toBeCloseTo(3 / 21 / 0.1, 12);
    expect(s.burn["3d"]).toBeCloseTo(3 / 21 / 0.1, 12);
    // 5 min [12:12, 12:17): #0 and #1, both fast, + the open one: 1 bad of 3.
    expect(s.burn["5m"]).toBeCloseTo(1 / 3 / 0.1, 12);
    // 30 min [11:47, 12:17): #0..#13 (14 cases, #5 slow) + the open one: 2 bad of 15.
    expect(s.burn["30m"]).toBeCloseTo(2 / 15 / 0.1, 12);
    // No tier fires: the 3 d / 6 h tier burns above its factor 1, but 3 bad events are below the minimum of 5.
    expect(s.tiers.map((t) => t.firing)).toEqual([false, false, false, false]);
    expect(s.tiers[3]).toMatchObject({ badLong: 3 });
    expect(s.tiers[3]!.burnLong).toBeGreaterThan(s.tiers[3]!.factor);
    expect(s.health).toBe("breaching"); // the budget is spent
    expect(s.evaluatedAt).toBe(NOW.toISOString());

    // saveSlo evaluated at the same instant, and the worker's round agrees.
    expect(slo.status).toEqual(s);
    expect(await evaluateAllSlos(system, NOW)).toEqual({ slos: 1, opened: 0, resolved: 0 });
    expect(await statusOf(slo.id)).toEqual(s);
  });

  it("counts an open case past the target once: as open now, and at its finish once it finishes", async () => {
    const slo = await saveSlo(system, sloInput({ sli: "cycle_time", targetSec: 3600, objective: 90 }), NOW);
    await ingestAs(token, story("open-old", [[TO + 1 * MIN, "case.completed"]]));
    const later = new Date(NOW.getTime() + 3 * MIN); // windows end at 12:20
    await evaluate(later);
    const s = await statusOf(slo.id);
    // 21 finished (the old case completed at 12:18 after 2 days: bad), 18 within 1 h, nothing open past the target.
    expect(s.window).toEqual({ bad: 3, total: 21 });
    expect(s.openPastTarget).toBe(0);
    expect(s.burn["1h"]).toBeCloseTo(3 / 21 / 0.1, 12);
    // 5 min [12:15, 12:20): only the old case.
    expect(s.burn["5m"]).toBeCloseTo(1 / 1 / 0.1, 12);
  });

  it("measures one version only when the SLO names it", async () => {
    await ingestAs(token, [
      ...story("v2-slow", [[TO - 200 * MIN, "case.started", "intake"], [TO - 4 * MIN, "case.completed"]]).map((e) => (e.type === "case.started" ? { ...e, processVersion: "1.5.0" } : e)),
    ]);
    const all = await saveSlo(system, sloInput({ name: "all", sli: "cycle_time", targetSec: 3600, objective: 90 }), NOW);
    const v15 = await saveSlo(system, sloInput({ name: "1.5.0", sli: "cycle_time", targetSec: 3600, objective: 90, version: "1.5.0" }), NOW);
    expect((await statusOf(all.id)).window).toEqual({ bad: 4, total: 22 });
    expect((await statusOf(v15.id)).window).toEqual({ bad: 1, total: 1 });
  });
});

describe("evaluating a failure-rate SLO", () => {
  it("counts failed and compensated cases and cases an operator acted on as bad", async () => {
    const events: TEvent[] = [];
    for (let i = 0; i < 6; i++) events.push(...finished(`good-${i}`, TO - (10 + i) * MIN, 20));
    // A retry alone is not an intervention.
    events.push(
      ...story("retried", [
        [TO - 50 * MIN, "case.started", "intake"],
        [TO - 49 * MIN, "step.attempted", "intake"],
        [TO - 48 * MIN, "step.failed", "intake"],
        [TO - 47 * MIN, "step.attempted", "intake"],
        [TO - 46 * MIN, "step.succeeded", "intake"],
        [TO - 45 * MIN, "case.completed"],
      ]).map((e, i) => (e.type.startsWith("step.") ? { ...e, attempt: i < 3 ? 1 : 2 } : e)),
    );
    events.push(...finished("failed", TO - 20 * MIN, 30, "case.failed"));
    events.push(...finished("cancelled", TO - 21 * MIN, 30, "case.cancelled"));
    events.push(
      ...story("compensated", [
        [TO - 40 * MIN, "case.started", "intake"],
        [TO - 39 * MIN, "case.state_entered", "credit-check"],
        [TO - 38 * MIN, "compensation.started", "credit-check"],
        [TO - 35 * MIN, "compensation.completed"],
      ]),
    );
    // Two cases an operator acts on while they run: one then completes, one is still open.
    events.push(...story("touched", [[TO - 55 * MIN, "case.started", "intake"], [TO - 54 * MIN, "case.state_entered", "credit-check"]]));
    events.push(...story("touched-open", [[TO - 55 * MIN, "case.started", "intake"], [TO - 54 * MIN, "case.state_entered", "credit-check"]]));
    await ingestAs(token, events);
    const oncall = await userCtx("on_call");
    for (const caseId of ["touched", "touched-open"]) {
      await requestCaseCommand(oncall, { type: "restart_step", requestId: requestId(), reason: "bureau-a hung", caseId });
    }
    await ingestAs(token, story("touched", [[TO - 25 * MIN, "case.completed"]]));
    const db = await getDb();
    expect((await db.case.findUniqueOrThrow({ where: { id: "touched" } })).intervened).toBe(true);

    const slo = await saveSlo(system, sloInput({ name: "Loans succeed untouched", objective: 90 }), NOW);
    await evaluate(NOW);
    const s = await statusOf(slo.id);
    // Finished: 6 good + retried + failed + cancelled + compensated + touched = 11; bad: failed, compensated, touched.
    expect(s.window).toEqual({ bad: 3, total: 11 });
    expect(s.sli).toBeCloseTo(8 / 11, 12);
    expect(s.budgetRemaining).toBeCloseTo(1 - 3 / 11 / 0.1, 12);
    expect(s.burn["1h"]).toBeCloseTo(3 / 11 / 0.1, 12);
    // 30 min [11:47, 12:17): 6 good, failed, cancelled, touched: 2 of 9.
    expect(s.burn["30m"]).toBeCloseTo(2 / 9 / 0.1, 12);
    expect(s.openPastTarget).toBeNull();

    const bad = await badCases(system, { id: slo.id, from: new Date(TO - HOUR), to: new Date(TO) }, NOW);
    expect(bad.cases.map((c) => c.id).sort()).toEqual(["compensated", "failed", "touched"]);
  });
});

describe("evaluating a stuck-ratio SLO", () => {
  it("samples open and stuck cases once per minute and counts complete minutes", async () => {
    const now = NOW.getTime();
    await ingestAs(token, [
      // credit-check's threshold is 15 min: stuck since 12:12:30.
      ...story("stuck-a", [[now - 21 * MIN, "case.started", "intake"], [now - 20 * MIN, "case.state_entered", "credit-check"]]),
      // Stuck from 12:18:00 on.
      ...story("stuck-b", [[now - 16 * MIN, "case.started", "intake"], [now - 15 * MIN + 30_000, "case.state_entered", "credit-check"]]),
      // manual-review's threshold is 4 h.
      ...story("review-c", [[now - 11 * MIN, "case.started", "intake"], [now - 10 * MIN, "case.waiting", "manual-review"]]),
      ...story("review-d", [[now - 11 * MIN, "case.started", "intake"], [now - 10 * MIN, "case.waiting", "manual-review"]]),
      ...finished("done", now - 5 * MIN, 30),
      ...story("order-stuck", [[now - 5 * HOUR, "case.started", "payment"]], "order-fulfilment"),
    ]);
    const slo = await saveSlo(system, sloInput({ name: "Loans not stuck", sli: "stuck_ratio", objective: 98, minBadEvents: 10 }), NOW);
    const db = await getDb();
    const samples = () => db.stuckSample.findMany({ where: { processId }, orderBy: { minute: "asc" } });
    const hourly = () => db.stuckSampleHourly.findMany({ where: { processId } });
    const at = (seconds: number) => new Date(now + seconds * 1000);

    await evaluateAllSlos(system, at(0)); // 12:17:30: samples 12:17 (4 open, 1 stuck); counts minutes before 12:17
    expect((await statusOf(slo.id)).window).toEqual({ bad: 0, total: 0 });
    await evaluateAllSlos(system, at(25)); // 12:17:55, same minute: no second sample
    expect((await samples()).map((s) => [s.minute.toISOString(), s.open, s.stuck])).toEqual([["2026-11-20T12:17:00.000Z", 4, 1]]);
    expect((await hourly()).map((h) => [h.samples, h.open, h.stuck])).toEqual([[1, 4, 1]]);

    await evaluateAllSlos(system, at(60)); // 12:18:30: samples 12:18 (4 open, 2 stuck); counts 12:17
    expect((await statusOf(slo.id)).window).toEqual({ bad: 1, total: 4 });

    await evaluateAllSlos(system, at(120)); // 12:19:30: samples 12:19; counts 12:17 and 12:18
    const s = await statusOf(slo.id);
    expect(s.window).toEqual({ bad: 3, total: 8 });
    expect(s.sli).toBeCloseTo(5 / 8, 12);
    // burn = (3/8) / (1 - 0.98) = 18.75 over every window that holds both minutes.
    expect(s.burn["5m"]).toBeCloseTo(3 / 8 / 0.02, 9);
    expect(s.burn["1h"]).toBeCloseTo(3 / 8 / 0.02, 9);
    expect(s.budgetRemaining).toBeCloseTo(1 - 3 / 8 / 0.02, 9);
    expect((await samples()).map((x) => [x.open, x.stuck])).toEqual([[4, 1], [4, 2], [4, 2]]);
    expect((await hourly()).map((h) => [h.samples, h.open, h.stuck])).toEqual([[3, 12, 5]]);
    // Below the minimum of 10 bad events: no alert, even at this burn.
    expect(await db.sloAlert.count()).toBe(0);
  });
});

describe("burn-rate alerts and the release freeze", () => {
  const routing = async () => {
    const res = await call(routingRoute, "GET", "/api/v1/processes/loan-approval/routing", { token, params: { key: "loan-approval" } });
    expect(res.status).toBe(200);
    return res.body!;
  };
  const listed = async () => {
    const res = await call(listProcessesRoute, "GET", "/api/v1/processes", { token });
    expect(res.status).toBe(200);
    return (res.body!.processes as { key: string; freeze: boolean; slos: { id: string; status: string; budgetRemaining: number }[] }[]).find(
      (p) => p.key === "loan-approval",
    )!;
  };
  const alerts = async (sloId: string) =>
    (await getDb()).sloAlert.findMany({ where: { sloId }, orderBy: { tier: "asc" } });

  /**
   * Objective 95 % (budget 0.05). 250 good cases 10 days ago keep the 30-day budget
   * positive. In [11:57, 12:17): 2 completed and 10 failed cases, 4 of the failures in
   * the last 5 minutes.
   */
  async function burningStream() {
    const events: TEvent[] = [];
    for (let i = 0; i < 250; i++) events.push(...story(`old-${i}`, [[TO - 10 * DAY - 60 * MIN + i * 10_000, "case.started", "intake"], [TO - 10 * DAY + i * 10_000, "case.completed"]]));
    for (let i = 0; i < 2; i++) events.push(...finished(`ok-${i}`, TO - (15 + i) * MIN, 10));
    for (let i = 0; i < 6; i++) events.push(...finished(`fail-${i}`, TO - (6 + 2 * i) * MIN, 10, "case.failed"));
    for (let i = 0; i < 4; i++) events.push(...finished(`fail-late-${i}`, TO - (1 + i) * MIN, 10, "case.failed"));
    await ingestAs(token, events);
  }

  it("opens one alert per firing tier, never twice; resolves a tier when its short window is clean; freezes releases while a page is open", async () => {
    await burningStream();
    const { id } = await saveSlo(system, sloInput({ name: "Loans succeed", objective: 95 }), new Date("2026-01-01T00:00:00Z"));
    expect(await alerts(id)).toEqual([]);
    expect((await routing()).freeze).toBe(false);

    expect(await evaluateAllSlos(system, NOW)).toEqual({ slos: 1, opened: 4, resolved: 0 });
    let s = await statusOf(id);
    // 1 h: 10 bad of 12 → burn (10/12)/0.05 = 16.7 > 14.4; 5 min: 4 of 4 → 20 > 14.4; 10 bad ≥ 5.
    expect(s.burn["1h"]).toBeCloseTo(10 / 12 / 0.05, 9);
    expect(s.burn["5m"]).toBeCloseTo(20, 9);
    // 30 d: 10 bad of 262 → budget left 1 - (10/262)/0.05 = 0.237: not spent.
    expect(s.budgetRemaining).toBeCloseTo(1 - 10 / 262 / 0.05, 9);
    expect(s.health).toBe("breaching");
    let rows = await alerts(id);
    expect(rows.map((a) => [a.tier, a.severity, a.resolvedAt])).toEqual([
      [0, "page", null],
      [1, "page", null],
      [2, "ticket", null],
      [3, "ticket", null],
    ]);
    expect(rows.map((a) => a.factor)).toEqual([14.4, 6, 3, 1].map((f) => expect.closeTo(f, 9)));
    expect(rows[0]).toMatchObject({ openedAt: NOW, burnLong: expect.closeTo(10 / 12 / 0.05, 9), burnShort: expect.closeTo(20, 9) });

    // Again, a little later in the same minute and the next: nothing new.
    expect(await evaluateAllSlos(system, new Date(NOW.getTime() + 20_000))).toEqual({ slos: 1, opened: 0, resolved: 0 });
    expect(await evaluate(new Date(NOW.getTime() + 60_000))).toEqual({ slos: 1, opened: 0, resolved: 0 });
    expect(await (await getDb()).sloAlert.count({ where: { sloId: id, tier: 0 } })).toBe(1);

    // While a page is open the process is in release freeze, though its budget is not spent.
    expect(await routing()).toMatchObject({ freeze: true, versions: [{ version: "1.4.0", percent: 100 }] });
    const p = await listed();
    expect(p.freeze).toBe(true);
    expect(p.slos).toEqual([expect.objectContaining({ id, status: "breaching", budgetRemaining: expect.closeTo(1 - 10 / 262 / 0.05, 9) })]);

    // 12:27: one good case finished at 12:24, nothing else since 12:17. The last 5 minutes are
    // clean, so the 1 h / 5 min page resolves although its 1 h window still burns at
    // (10/13)/0.05 = 15.4 > 14.4. The 6 h / 30 min page still fires (30 min: 10 of 13).
    await ingestAs(token, finished("ok-late", TO + 7 * MIN, 10));
    const t2 = new Date(NOW.getTime() + 10 * MIN);
    expect(await evaluateAllSlos(system, t2)).toEqual({ slos: 1, opened: 0, resolved: 1 });
    s = await statusOf(id);
    expect(s.burn["5m"]).toBe(0);
    expect(s.burn["1h"]).toBeCloseTo(10 / 13 / 0.05, 9);
    expect(s.tiers.map((t) => t.firing)).toEqual([false, true, true, true]);
    rows = await alerts(id);
    expect(rows.map((a) => [a.tier, a.resolvedAt])).toEqual([
      [0, t2],
      [1, null],
      [2, null],
      [3, null],
    ]);
    expect((await routing()).freeze).toBe(true);

    // 13:02: the last 30 minutes are empty: the second page resolves; the tickets (2 h and 6 h short windows) stay.
    const t3 = new Date(NOW.getTime() + 45 * MIN);
    expect(await evaluateAllSlos(system, t3)).toEqual({ slos: 1, opened: 0, resolved: 1 });
    rows = await alerts(id);
    expect(rows.map((a) => [a.tier, a.resolvedAt])).toEqual([
      [0, t2],
      [1, t3],
      [2, null],
      [3, null],
    ]);
    expect((await statusOf(id)).health).toBe("warning");
    expect((await routing()).freeze).toBe(false);
    expect(await listed()).toMatchObject({ freeze: false, slos: [{ id, status: "warning" }] });
    // Tier 0 does not open again: its short window is clean.
    expect(await (await getDb()).sloAlert.count({ where: { sloId: id, tier: 0 } })).toBe(1);
  });

  it("keeps a firing tier open while its short window burns, though late events cooled its long window", async () => {
    await burningStream();
    const { id } = await saveSlo(system, sloInput({ name: "Loans succeed", objective: 95 }), NOW);
    expect((await alerts(id)).map((a) => a.tier)).toEqual([0, 1, 2, 3]);
    // Good cases that finished 11:37–11:46 arrive late: the last hour now holds 10 bad of 22.
    const late: TEvent[] = [];
    for (let i = 0; i < 10; i++) late.push(...finished(`late-ok-${i}`, TO - (31 + i) * MIN, 10));
    await ingestAs(token, late);

    const t = new Date(NOW.getTime() + MIN); // windows end 12:18
    expect(await evaluateAllSlos(system, t)).toEqual({ slos: 1, opened: 0, resolved: 0 });
    const s = await statusOf(id);
    // 1 h [11:18, 12:18): (10/22)/0.05 = 9.1, below 14.4; 5 min [12:13, 12:18): 4 of 4 → 20, above.
    expect(s.burn["1h"]).toBeCloseTo(10 / 22 / 0.05, 9);
    expect(s.burn["5m"]).toBeCloseTo(20, 9);
    expect(s.tiers[0]).toMatchObject({ firing: true, factor: expect.closeTo(14.4, 9) });
    expect(s.tiers[0]!.burnLong).toBeLessThan(s.tiers[0]!.factor);
    expect((await alerts(id)).filter((a) => a.resolvedAt === null).map((a) => a.tier)).toEqual([0, 1, 2, 3]);

    // The same numbers do not open tier 0 for an SLO that was not firing.
    const fresh = await saveSlo(system, sloInput({ name: "fresh", objective: 95 }), t);
    expect((await alerts(fresh.id)).map((a) => a.tier)).toEqual([1, 2, 3]);
  });

  it("opens no alert from fewer bad events than the SLO's minimum, however fast they burn", async () => {
    // 4 failures in the last 5 minutes and nothing else: every window burns at (4/4)/0.05 = 20.
    const events: TEvent[] = [];
    for (let i = 0; i < 4; i++) events.push(...finished(`fail-${i}`, TO - (1 + i) * MIN, 10, "case.failed"));
    await ingestAs(token, events);
    const quiet = await saveSlo(system, sloInput({ name: "default minimum (5)" }), NOW);
    const strict = await saveSlo(system, sloInput({ name: "minimum 4", minBadEvents: 4 }), NOW);

    await evaluateAllSlos(system, NOW);
    const s = await statusOf(quiet.id);
    expect(s.burn["5m"]).toBeCloseTo(20, 9);
    expect(s.burn["1h"]).toBeCloseTo(20, 9);
    expect(s.tiers.map((t) => [t.firing, t.badLong])).toEqual([
      [false, 4],
      [false, 4],
      [false, 4],
      [false, 4],
    ]);
    expect(await alerts(quiet.id)).toEqual([]);
    // The same stream pages an SLO whose minimum it reaches.
    expect((await alerts(strict.id)).map((a) => [a.tier, a.severity])).toEqual([
      [0, "page"],
      [1, "page"],
      [2, "ticket"],
      [3, "ticket"],
    ]);
  });

  it("freezes releases while the budget is spent, to the last bit, without any alert", async () => {
    // Objective 95 %: 1 failure of 20 spends exactly the budget (1 - 0.95 is 0.05000000000000004 in floating point).
    const events: TEvent[] = [];
    for (let i = 0; i < 19; i++) events.push(...finished(`ok-${i}`, TO - (2 + i) * MIN, 10));
    events.push(...finished("fail", TO - 30 * MIN, 10, "case.failed"));
    await ingestAs(token, events);
    const { id } = await saveSlo(system, sloInput({ objective: 95 }), NOW);
    let s = await statusOf(id);
    expect(s.window).toEqual({ bad: 1, total: 20 });
    expect(s.budgetRemaining).toBe(0);
    expect(s.health).toBe("breaching");
    expect(await alerts(id)).toEqual([]);
    expect((await routing()).freeze).toBe(true);
    expect(await listed()).toMatchObject({ freeze: true, slos: [{ id, status: "breaching", budgetRemaining: 0 }] });

    // One more good case: 1 of 21, some budget left, no freeze.
    await ingestAs(token, finished("ok-late", TO + 1 * MIN, 10));
    await evaluateAllSlos(system, new Date(NOW.getTime() + 2 * MIN));
    s = await statusOf(id);
    expect(s.window).toEqual({ bad: 1, total: 21 });
    expect(s.budgetRemaining).toBeCloseTo(1 - 1 / 21 / 0.05, 12);
    expect((await routing()).freeze).toBe(false);
    expect((await listed()).freeze).toBe(false);
  });

  it("resolves the alerts of tiers an edit removes, and keeps the tiers that still fire", async () => {
    await burningStream();
    const input = sloInput({ name: "Loans succeed", objective: 95 });
    const { id } = await saveSlo(system, input, NOW);
    expect((await alerts(id)).filter((a) => a.resolvedAt === null)).toHaveLength(4);

    const later = new Date(NOW.getTime() + 30_000);
    await saveSlo(system, { ...input, tiers: [DEFAULT_TIERS[0]!], id }, later);
    expect((await alerts(id)).map((a) => [a.tier, a.resolvedAt])).toEqual([
      [0, null],
      [1, later],
      [2, later],
      [3, later],
    ]);
  });
});

describe("an SLO's burn chart and drill-down", () => {
  const DAY0 = Date.parse("2026-11-19T00:00:00Z");
  const h = (hours: number, minutes = 0) => DAY0 + hours * HOUR + minutes * MIN;
  let sloId: string;

  /** A slow case: 1 min in intake, 5 in credit-check, 3 h waiting in manual-review, 5 in disbursement. */
  const slow = (caseId: string, end: number) =>
    story(caseId, [
      [end - 191 * MIN, "case.started", "intake"],
      [end - 190 * MIN, "case.state_entered", "credit-check"],
      [end - 185 * MIN, "case.waiting", "manual-review"],
      [end - 5 * MIN, "case.state_entered", "disbursement"],
      [end, "case.completed"],
    ]);
  /** A fast case: 1 min in intake, 19 in credit-check. */
  const fast = (caseId: string, end: number) =>
    story(caseId, [
      [end - 20 * MIN, "case.started", "intake"],
      [end - 19 * MIN, "case.state_entered", "credit-check"],
      [end, "case.completed"],
    ]);

  /**
   * Nov 19, cycle-time SLO "within 1 h", objective 90 %:
   * - 09:00–10:00: 4 fast, 1 slow;
   * - 10:00–11:00: 6 fast, 3 slow, 1 failed after 1 min in intake and 20 in credit-check.
   */
  beforeEach(async () => {
    const events: TEvent[] = [];
    for (let i = 0; i < 4; i++) events.push(...fast(`h9-fast-${i}`, h(9, 10 + i)));
    events.push(...slow("h9-slow", h(9, 50)));
    for (let i = 0; i < 6; i++) events.push(...fast(`h10-fast-${i}`, h(10, 5 + i)));
    for (let i = 0; i < 3; i++) events.push(...slow(`h10-slow-${i}`, h(10, 20 + i)));
    events.push(
      ...story("h10-failed", [
        [h(10, 9), "case.started", "intake"],
        [h(10, 10), "case.state_entered", "credit-check"],
        [h(10, 30), "case.failed"],
      ]),
    );
    await ingestAs(token, events);
    ({ id: sloId } = await saveSlo(system, sloInput({ name: "Loans within 1 h", sli: "cycle_time", targetSec: 3600, objective: 90 }), NOW));
  });

  const get = (route: typeof burnRoute, path: string, query: string, key = token) =>
    call(route, "GET", `/api/v1/slos/${sloId}/${path}${query}`, { token: key, params: { id: sloId } });
  type Point = { at: string; sli: number | null; budgetRemaining: number; burn: Record<string, number>; bad: number; total: number };

  it("GET burn: hour-aligned points over the SLO window ending at each, the last matching the finished cases", async () => {
    const res = await get(burnRoute, "burn", `?from=${new Date(h(0, 30)).toISOString()}&to=${new Date(h(11, 45)).toISOString()}`);
    expect(res.status).toBe(200);
    const points = res.body!.points as Point[];
    expect(res.body).toMatchObject({ id: sloId, objective: 0.9, stepHours: 1 });
    expect(points.map((p) => p.at)).toEqual(Array.from({ length: 12 }, (_, i) => new Date(h(i)).toISOString()));

    // Until 09:00 nothing finished.
    expect(points[9]).toMatchObject({ sli: null, budgetRemaining: 1, bad: 0, total: 0, burn: { "1h": 0, "6h": 0, "1d": 0, "3d": 0 } });
    // At 10:00: the 09:00 hour, 1 slow of 5 → SLI 0.8, burn (1/5)/0.1 = 2.
    expect(points[10]).toMatchObject({ sli: 0.8, bad: 1, total: 5 });
    expect(points[10]!.burn["1h"]).toBeCloseTo(2, 12);
    // At 11:00: 1 + 4 bad of 15 → SLI 10/15; 1 h burn from the 10:00 hour alone: (4/10)/0.1 = 4.
    const last = points[11]!;
    expect(last).toMatchObject({ bad: 5, total: 15 });
    expect(last.sli).toBeCloseTo(10 / 15, 12);
    expect(last.burn["1h"]).toBeCloseTo(4, 12);
    expect(last.burn["6h"]).toBeCloseTo(5 / 15 / 0.1, 12);
    expect(last.budgetRemaining).toBeCloseTo(1 - 5 / 15 / 0.1, 12);

    // The same from the cases themselves.
    const cases = await (await getDb()).case.findMany({ where: { processId, finishedAt: { lt: new Date(h(11)) } } });
    const good = cases.filter((c) => c.status === "completed" && c.finishedAt!.getTime() - c.startedAt!.getTime() <= HOUR);
    expect([cases.length, good.length]).toEqual([15, 10]);
    expect(last.sli).toBeCloseTo(good.length / cases.length, 12);
  });

  it("GET burn refuses a reversed or too long window and answers 404 for an unknown SLO", async () => {
    const reversed = await get(burnRoute, "burn", `?from=${new Date(h(11)).toISOString()}&to=${new Date(h(10)).toISOString()}`);
    expect(reversed.status).toBe(400);
    expect((reversed.body!.issues as { path: string[] }[])[0]!.path).toEqual(["from"]);
    const res = await call(burnRoute, "GET", "/api/v1/slos/nope/burn", { token, params: { id: "nope" } });
    expect(res).toMatchObject({ status: 404, body: { error: "not_found" } });
    expect((await call(burnRoute, "GET", `/api/v1/slos/${sloId}/burn`, { params: { id: sloId } })).status).toBe(401);
  });

  it("GET bad-cases: exactly the bad cases of the hour, and the state that ate the budget", async () => {
    const res = await get(badCasesRoute, "bad-cases", `?from=${new Date(h(10)).toISOString()}&to=${new Date(h(11)).toISOString()}`);
    expect(res.status).toBe(200);
    const body = res.body as { cases: { id: string; status: string }[]; truncated: boolean; attribution: { state: string; minutes: number; share: number; cases: number }[] };
    expect(body.truncated).toBe(false);
    // Newest finish first: failed at 10:30, the slow ones at 10:22, 10:21, 10:20.
    expect(body.cases.map((c) => c.id)).toEqual(["h10-failed", "h10-slow-2", "h10-slow-1", "h10-slow-0"]);
    // 3 × 180 min in manual-review; credit-check 3 × 5 + 20; disbursement 3 × 5; intake 4 × 1. Total 594.
    expect(body.attribution).toEqual([
      { state: "manual-review", minutes: 540, share: expect.closeTo(540 / 594, 12), cases: 3 },
      { state: "credit-check", minutes: 35, share: expect.closeTo(35 / 594, 12), cases: 4 },
      { state: "disbursement", minutes: 15, share: expect.closeTo(15 / 594, 12), cases: 3 },
      { state: "intake", minutes: 4, share: expect.closeTo(4 / 594, 12), cases: 4 },
    ]);

    const earlier = await get(badCasesRoute, "bad-cases", `?from=${new Date(h(9)).toISOString()}&to=${new Date(h(10)).toISOString()}`);
    expect((earlier.body!.cases as { id: string }[]).map((c) => c.id)).toEqual(["h9-slow"]);
  });

  it("GET bad-cases lists the cases the statistics count as bad, also a completion reported before its start", async () => {
    // An engine's clock: the start arrives stamped 2 minutes after the completion. The
    // statistics count it bad (it meets no target); the drill-down must list it too.
    await ingestAs(token, story("skewed", [[h(11, 12), "case.started", "intake"], [h(11, 10), "case.completed"]]));
    const from = new Date(h(11)).toISOString();
    const to = new Date(h(12)).toISOString();
    const points = (await get(burnRoute, "burn", `?from=${from}&to=${to}`)).body!.points as Point[];
    expect(points.at(-1)!.burn["1h"]).toBeCloseTo(1 / 1 / 0.1, 12); // 1 bad of 1 in 11:00–12:00
    const res = await get(badCasesRoute, "bad-cases", `?from=${from}&to=${to}`);
    expect((res.body!.cases as { id: string }[]).map((c) => c.id)).toEqual(["skewed"]);
  });

  it("GET breaching: open cases that pass the target within the next hour, soonest first", async () => {
    // Relative to the clock: the route answers for now.
    const t0 = Date.now();
    await ingestAs(token, [
      ...story("soon", [[t0 - 50 * MIN, "case.started", "intake"]]),
      ...story("later", [[t0 - 10 * MIN, "case.started", "intake"]]),
      ...story("past", [[t0 - 2 * HOUR, "case.started", "intake"]]),
      ...story("done", [[t0 - 30 * MIN, "case.started", "intake"], [t0 - 5 * MIN, "case.completed"]]),
    ]);
    const res = await get(breachingRoute, "breaching", "");
    expect(res.status).toBe(200);
    expect(res.body!.cases).toEqual([
      { id: "soon", state: "intake", status: "running", breachesAt: new Date(t0 + 10 * MIN).toISOString() },
      { id: "later", state: "intake", status: "running", breachesAt: new Date(t0 + 50 * MIN).toISOString() },
    ]);
    const half = await get(breachingRoute, "breaching", "?withinSec=1800");
    expect((half.body!.cases as { id: string }[]).map((c) => c.id)).toEqual(["soon"]);
    expect((await get(breachingRoute, "breaching", "?withinSec=10")).status).toBe(400);

    // Only a cycle-time SLO has a target to breach.
    const { id: failureId } = await saveSlo(system, sloInput({ name: "failures" }), NOW);
    const none = await call(breachingRoute, "GET", `/api/v1/slos/${failureId}/breaching`, { token, params: { id: failureId } });
    expect(none).toMatchObject({ status: 200, body: { cases: [] } });
  });
});
