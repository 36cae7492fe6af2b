import { beforeEach, describe, expect, it, vi } from "vitest";
import { PUT as detectorsRoute } from "@/app/api/v1/processes/[key]/detectors/route";
import { getDb } from "@/lib/db";
import { OUTAGE_DEFAULTS, REGRESSION_DEFAULTS, STUCK_DEFAULTS } from "@/lib/domain/detectors";
import type { Ctx } from "@/lib/server/context";
import { defineProcess } from "@/lib/server/processes/define-process";
import { getProcess } from "@/lib/server/processes/get-process";
import { DEMO_PROCESSES } from "@/prisma/demo-catalog";
import { createKey, resetDatabase, systemCtx } from "../support/db";
import { call } from "../support/http";
import { userCtx } from "../support/outbox";
import { callAs } from "../support/session";
import { defineLoanApproval } from "../support/outbox";

vi.mock("next-auth", async (original) => (await import("../support/session")).withTestSession(await original<typeof import("next-auth")>()));

async function put(ctx: Ctx, body: unknown, key = "loan-approval") {
  return callAs(ctx, detectorsRoute, "PUT", `/api/v1/processes/${key}/detectors`, { body, params: { key } });
}

async function stored() {
  const db = await getDb();
  const process = await db.process.findUniqueOrThrow({ where: { key: "loan-approval" }, select: { detectors: true } });
  return { detectors: process.detectors, audits: await db.auditLog.findMany({ where: { action: "process.detectors" } }) };
}

const DEFAULTS = { stuck: { ...STUCK_DEFAULTS }, outage: { ...OUTAGE_DEFAULTS }, regression: { ...REGRESSION_DEFAULTS } };

let owner: Ctx; // process_owner in Lending, which owns loan-approval
let otherOwner: Ctx; // process_owner in Fulfilment

beforeEach(async () => {
  await resetDatabase();
  await defineLoanApproval();
  const order = DEMO_PROCESSES.find((p) => p.key === "order-fulfilment")!;
  await defineProcess(await systemCtx(), { key: order.key, name: order.name, team: order.team, version: { version: order.version, graph: order.graph } });
  owner = await userCtx("process_owner", "lena.lending@flowdeck.test", { team: "Lending" });
  otherOwner = await userCtx("process_owner", "finn.fulfilment@flowdeck.test", { team: "Fulfilment" });
});

describe("PUT /api/v1/processes/{key}/detectors", () => {
  it("lets the owning team's process owner save settings, audited, and getProcess reads them with the defaults filled in", async () => {
    expect((await getProcess(owner, { key: "loan-approval" })).detectors).toEqual({ settings: {}, effective: DEFAULTS });

    const res = await put(owner, { stuckThreshold: 3, outageMinRatio: 0.25, regressionMinSample: 50 });
    const effective = { stuck: { threshold: 3 }, outage: { ...OUTAGE_DEFAULTS, minRatio: 0.25 }, regression: { ...REGRESSION_DEFAULTS, minSample: 50 } };
    expect(res).toEqual({ status: 200, body: { settings: { stuckThreshold: 3, outageMinRatio: 0.25, regressionMinSample: 50 }, effective } });

    const { detectors, audits } = await stored();
    expect(detectors).toEqual({ stuckThreshold: 3, outageMinRatio: 0.25, regressionMinSample: 50 });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorType: "user",
      actorLabel: "lena.lending@flowdeck.test",
      targetType: "process",
      before: {},
      after: { stuckThreshold: 3, outageMinRatio: 0.25, regressionMinSample: 50 },
    });

    expect((await getProcess(owner, { key: "loan-approval" })).detectors).toEqual({ settings: { stuckThreshold: 3, outageMinRatio: 0.25, regressionMinSample: 50 }, effective });

    // A left-out setting goes back to its default.
    expect(await put(owner, { outageWindowMinutes: 10 })).toMatchObject({ status: 200 });
    expect((await getProcess(owner, { key: "loan-approval" })).detectors).toEqual({
      settings: { outageWindowMinutes: 10 },
      effective: { ...DEFAULTS, outage: { ...OUTAGE_DEFAULTS, windowMinutes: 10 } },
    });
  });

  it("answers 403 to another team's process owner and to an API key, changing nothing", async () => {
    expect(await put(otherOwner, { stuckThreshold: 3 })).toMatchObject({ status: 403, body: { error: "forbidden" } });
    const { token } = await createKey(["ingest", "commands", "read"]);
    const byKey = await call(detectorsRoute, "PUT", "/api/v1/processes/loan-approval/detectors", { token, body: { stuckThreshold: 3 }, params: { key: "loan-approval" } });
    expect(byKey).toMatchObject({ status: 403, body: { error: "forbidden" } });
    expect(await stored()).toEqual({ detectors: {}, audits: [] });
  });

  it("answers 400 with the issues to a ratio above 1 and to an unknown field, writing nothing", async () => {
    const ratio = await put(owner, { stuckThreshold: 3, outageMinRatio: 1.5 });
    expect(ratio).toMatchObject({ status: 400, body: { error: "invalid_request" } });
    expect((ratio.body!.issues as { path: string[] }[]).map((i) => i.path)).toEqual([["outageMinRatio"]]);

    const unknown = await put(owner, { stuckThreshold: 3, zCritical: 3 });
    expect(unknown).toMatchObject({ status: 400, body: { error: "invalid_request" } });
    expect(unknown.body!.issues).toEqual([expect.objectContaining({ code: "unrecognized_keys" })]);

    expect(await stored()).toEqual({ detectors: {}, audits: [] });
  });

  it("reads a hand-edited, malformed value as no settings and the defaults", async () => {
    const db = await getDb();
    await db.process.update({ where: { key: "loan-approval" }, data: { detectors: { stuckThreshold: "many" } } });
    expect((await getProcess(owner, { key: "loan-approval" })).detectors).toEqual({ settings: {}, effective: DEFAULTS });
  });
});
