import { beforeEach, describe, expect, it } from "vitest";
import { getDb, type Db } from "@/lib/db";
import { DEFAULT_TIERS } from "@/lib/domain/slo";
import type { Ctx } from "@/lib/server/context";
import { POST as ingestRoute } from "@/app/api/v1/events/route";
import { projectAll } from "@/lib/server/events/project-cases";
import { detectIncidents } from "@/lib/server/incidents/apply-findings";
import { evaluateAllSlos } from "@/lib/server/slos/evaluate-slos";
import { defineProcess } from "@/lib/server/processes/define-process";
import { updateDetectors } from "@/lib/server/processes/update-detectors";
import { saveSlo } from "@/lib/server/slos/save-slo";
import type { TEvent } from "@/lib/validation/event";
import { ZSloInput } from "@/lib/validation/slo";
import { DEMO_PROCESSES } from "@/prisma/demo-catalog";
import { createKey, resetDatabase, systemCtx } from "../support/db";
import { ev } from "../support/events";
import { call } from "../support/http";
import { defineLoanApproval, ingestAs, userCtx } from "../support/outbox";

const MIN = 60_000;
/** Events of tests/support/events.ts start at 08:00 UTC on this day. */
const BASE = Date.UTC(2026, 10, 26, 8, 0, 0);
const minute = (m: number) => new Date(BASE + m * MIN);

let db: Db;
let system: Ctx;
let token: string;

beforeEach(async () => {
  await resetDatabase();
  await defineLoanApproval();
  db = await getDb();
  system = await systemCtx();
  ({ token } = await createKey(["ingest", "commands", "read"]));
});

/** A loan waiting in manual review since `startMinute` + 1 (stuck after 4 h there). */
function waitingLoan(caseId: string, startMinute = 0): TEvent[] {
  return [
    ev({ caseId, minute: startMinute, type: "case.started", state: "intake" }),
    ev({ caseId, minute: startMinute + 1, type: "case.waiting", state: "manual-review" }),
  ];
}

describe("the stuck pile-up detector", () => {
  it("opens one incident when more than the threshold are stuck, raises its severity with the pile, and resolves when it clears", async () => {
    await ingestAs(token, Array.from({ length: 11 }, (_, i) => waitingLoan(`w-${i}`)).flat());
    // Stuck from 4 h after 08:01: at 12:00 none is, at 12:02 all 11 are (threshold 10).
    expect(await detectIncidents(system, minute(240), ["stuck_cases"])).toEqual({ opened: 0, updated: 0, resolved: 0 });
    expect(await detectIncidents(system, minute(242), ["stuck_cases"])).toEqual({ opened: 1, updated: 0, resolved: 0 });
    const incident = await db.incident.findFirstOrThrow();
    expect(incident).toMatchObject({ type: "stuck_cases", key: "loan-approval", severity: "SEV3", affectedCases: 11, title: "11 stuck cases in Loan approval" });

    await ingestAs(token, Array.from({ length: 25 }, (_, i) => waitingLoan(`more-${i}`)).flat());
    expect(await detectIncidents(system, minute(243), ["stuck_cases"])).toEqual({ opened: 0, updated: 1, resolved: 0 });
    const raised = await db.incident.findUniqueOrThrow({ where: { id: incident.id }, include: { events: true } });
    expect(raised).toMatchObject({ severity: "SEV2", affectedCases: 36 });
    expect(raised.events.some((e) => e.kind === "severity" && e.message.startsWith("Raised from SEV3 to SEV2"))).toBe(true);

    // Reviews done: every loan moves on; clear for the grace period, then resolved.
    const moved = [...Array.from({ length: 11 }, (_, i) => `w-${i}`), ...Array.from({ length: 25 }, (_, i) => `more-${i}`)].map((caseId) =>
      ev({ caseId, minute: 244, type: "case.state_entered", state: "disbursement" }),
    );
    await ingestAs(token, moved);
    await detectIncidents(system, minute(245), ["stuck_cases"]);
    expect(await detectIncidents(system, minute(255), ["stuck_cases"])).toEqual({ opened: 0, updated: 0, resolved: 1 });
  });

  it("waits while the projection is behind: cases whose later events are still queued are not stuck piles, nor stuck-ratio samples", async () => {
    await ingestAs(token, Array.from({ length: 11 }, (_, i) => waitingLoan(`w-${i}`)).flat());
    // The loans were decided, but that batch still waits for the projector (accepted 42 minutes before the round).
    const moved = Array.from({ length: 11 }, (_, i) => ev({ caseId: `w-${i}`, minute: 200, type: "case.completed", state: "done" }));
    expect((await call(ingestRoute, "POST", "/api/v1/events", { token, body: { events: moved } })).status).toBe(202);
    await db.projectionQueue.updateMany({ data: { enqueuedAt: minute(200) } });

    expect(await db.case.count({ where: { stuckAfter: { lt: minute(242) } } })).toBe(11); // what the projection still says
    expect(await detectIncidents(system, minute(242), ["stuck_cases"])).toEqual({ opened: 0, updated: 0, resolved: 0 });
    await evaluateAllSlos(system, minute(242));
    expect(await db.stuckSample.count()).toBe(0);

    // Caught up: nothing was stuck after all, and the minute's sample says so.
    await projectAll(system);
    expect(await detectIncidents(system, minute(243), ["stuck_cases"])).toEqual({ opened: 0, updated: 0, resolved: 0 });
    await evaluateAllSlos(system, minute(243));
    expect(await db.stuckSample.findMany({ select: { open: true, stuck: true } })).toEqual([{ open: 0, stuck: 0 }]);
    expect(await db.incident.count()).toBe(0);
  });

  it("follows the process's own threshold", async () => {
    const owner = await userCtx("admin");
    await updateDetectors(owner, { process: "loan-approval", stuckThreshold: 2 });
    await ingestAs(token, Array.from({ length: 3 }, (_, i) => waitingLoan(`w-${i}`)).flat());
    expect(await detectIncidents(system, minute(242), ["stuck_cases"])).toMatchObject({ opened: 1 });
    expect(await db.auditLog.count({ where: { action: "process.detectors" } })).toBe(1);
  });
});

describe("the version regression detector", () => {
  /** `n` cases on `version` that finish at minute `end`, `failed` of them failed. */
  function finishedOn(version: string, n: number, failed: number, end: number): TEvent[] {
    return Array.from({ length: n }, (_, i) => {
      const caseId = `${version}-${i}`;
      return [
        ev({ caseId, minute: end - 10, type: "case.started", state: "intake", processVersion: version }),
        i < failed ? ev({ caseId, minute: end, type: "case.failed", error: { code: "schema", message: "rule rejected the case" } }) : ev({ caseId, minute: end, type: "case.completed" }),
      ];
    }).flat();
  }

  async function publish(version: string, at: Date) {
    const loan = DEMO_PROCESSES.find((p) => p.key === "loan-approval")!;
    await defineProcess(system, { key: loan.key, name: loan.name, version: { version, graph: loan.graph } });
    await db.processVersion.update({ where: { processId_version: { processId: (await db.process.findUniqueOrThrow({ where: { key: "loan-approval" } })).id, version } }, data: { createdAt: at } });
  }

  it("fires when the new version fails significantly more than the previous one since it went live", async () => {
    await db.processVersion.updateMany({ data: { createdAt: minute(-60 * 24) } });
    await publish("1.5.0", minute(0));
    // Since 08:00: 1.4.0 finished 40 with 2 failed (5 %), 1.5.0 finished 40 with 12 failed (30 %).
    await ingestAs(token, [...finishedOn("1.4.0", 40, 2, 30), ...finishedOn("1.5.0", 40, 12, 30)]);
    expect(await detectIncidents(system, minute(60), ["version_regression"])).toEqual({ opened: 1, updated: 0, resolved: 0 });
    const incident = await db.incident.findFirstOrThrow();
    expect(incident).toMatchObject({ type: "version_regression", key: "loan-approval:1.5.0", severity: "SEV2", affectedCases: 12 });
    expect(incident.title).toBe("Loan approval 1.5.0 fails more than 1.4.0 (30% vs 5%)");
  });

  it("stays quiet below the minimum sample", async () => {
    await db.processVersion.updateMany({ data: { createdAt: minute(-60 * 24) } });
    await publish("1.5.0", minute(0));
    await ingestAs(token, [...finishedOn("1.4.0", 40, 2, 30), ...finishedOn("1.5.0", 29, 20, 30)]);
    expect(await detectIncidents(system, minute(60), ["version_regression"])).toEqual({ opened: 0, updated: 0, resolved: 0 });
  });

  it("stays quiet when the difference could be chance (5 % vs 12.5 %, z ≈ 1.2)", async () => {
    await db.processVersion.updateMany({ data: { createdAt: minute(-60 * 24) } });
    await publish("1.5.0", minute(0));
    await ingestAs(token, [...finishedOn("1.4.0", 40, 2, 30), ...finishedOn("1.5.0", 40, 5, 30)]);
    expect(await detectIncidents(system, minute(60), ["version_regression"])).toEqual({ opened: 0, updated: 0, resolved: 0 });
  });
});

describe("the SLO burn detector", () => {
  it("turns an SLO's open page alert into one SEV1 incident and resolves it after the alert clears", async () => {
    const slo = await saveSlo(system, ZSloInput.parse({ name: "Loans succeed", process: "loan-approval", sli: "failure_rate", objective: 95, windowDays: 30, tiers: [...DEFAULT_TIERS] }));
    const alert = await db.sloAlert.create({ data: { sloId: slo.id, tier: 0, severity: "page", factor: 14.4, burnLong: 16.2, burnShort: 18, budgetRemaining: 0.62, openedAt: minute(0) } });
    expect(await detectIncidents(system, minute(1), ["slo_burn"])).toEqual({ opened: 1, updated: 0, resolved: 0 });
    expect(await db.incident.findFirstOrThrow()).toMatchObject({ type: "slo_burn", key: slo.id, sloId: slo.id, severity: "SEV1" });
    expect(await detectIncidents(system, minute(2), ["slo_burn"])).toEqual({ opened: 0, updated: 1, resolved: 0 });
    await db.sloAlert.update({ where: { id: alert.id }, data: { resolvedAt: minute(3) } });
    await detectIncidents(system, minute(3), ["slo_burn"]);
    expect(await detectIncidents(system, minute(13), ["slo_burn"])).toEqual({ opened: 0, updated: 0, resolved: 1 });
  });
});
