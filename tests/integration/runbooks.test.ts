import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET as getRunbookRoute, PUT as putRunbookRoute } from "@/app/api/v1/processes/[key]/runbooks/[kind]/route";
import { GET as listRunbooksRoute } from "@/app/api/v1/processes/[key]/runbooks/route";
import { getDb } from "@/lib/db";
import { DEFAULT_RUNBOOKS, RUNBOOK_KINDS, RUNBOOK_TITLES } from "@/lib/domain/runbook";
import type { Ctx } from "@/lib/server/context";
import { currentRunbook } from "@/lib/server/runbooks/current-runbook";
import { getRunbookVersion } from "@/lib/server/runbooks/get-runbook-version";
import { getRunbook, getRunbooks } from "@/lib/server/runbooks/get-runbooks";
import { saveRunbook } from "@/lib/server/runbooks/save-runbook";
import { ZRunbookInput, type TRunbookInput } from "@/lib/validation/runbook";
import { expectAppError } from "../support/errors";
import { createKey, resetDatabase } from "../support/db";
import { call } from "../support/http";
import { callAs } from "../support/session";
import { defineLoanApproval, userCtx } from "../support/outbox";

vi.mock("next-auth", async (original) => (await import("../support/session")).withTestSession(await original<typeof import("next-auth")>()));

/** A valid outage runbook, its Mitigate step saying `mitigate`. */
const body = (mitigate = "Pause new starts of the failing step.") =>
  `## Detect\n- Failed attempts above 20 in 5 minutes.\n\n## Diagnose\n- Read the error codes.\n\n## Mitigate\n- {{action:pause_starts}} ${mitigate}\n- {{action:reroute}} Reroute in-flight cases.\n\n## Rollback\n- {{action:compensate}} Compensate partial work.\n`;

const save = (ctx: Ctx, input: TRunbookInput, kind: (typeof RUNBOOK_KINDS)[number] = "dependency_outage", key = "loan-approval") =>
  saveRunbook(ctx, { ...ZRunbookInput.parse(input), key, kind });

async function written() {
  const db = await getDb();
  return { runbooks: await db.runbook.count(), audits: await db.auditLog.count({ where: { action: "runbook.update" } }) };
}

async function loanProcessId() {
  const db = await getDb();
  return (await db.process.findUniqueOrThrow({ where: { key: "loan-approval" }, select: { id: true } })).id;
}

let admin: Ctx;
let owner: Ctx; // process_owner in Lending, which owns loan-approval
let otherOwner: Ctx; // process_owner in Fulfilment
let onCall: Ctx; // on_call in Lending: responds to incidents, does not edit runbooks

beforeEach(async () => {
  await resetDatabase();
  await defineLoanApproval();
  admin = await userCtx("admin");
  owner = await userCtx("process_owner", "lena.lending@flowdeck.test", { team: "Lending" });
  otherOwner = await userCtx("process_owner", "finn.fulfilment@flowdeck.test", { team: "Fulfilment" });
  onCall = await userCtx("on_call", "otto.oncall@flowdeck.test", { team: "Lending" });
});

describe("reading runbooks", () => {
  it("gives every process the three built-in runbooks as version 0", async () => {
    const processId = await loanProcessId();
    for (const kind of RUNBOOK_KINDS) {
      expect(await currentRunbook(await getDb(), processId, kind)).toEqual({
        kind,
        version: 0,
        body: DEFAULT_RUNBOOKS[kind],
        authorLabel: null,
        createdAt: null,
        isDefault: true,
      });
    }
    const { process, runbooks } = await getRunbooks(onCall, { key: "loan-approval" });
    expect(process).toEqual({ key: "loan-approval", name: "Loan approval" });
    expect(runbooks.map((r) => [r.kind, r.title, r.version, r.isDefault, r.history])).toEqual(
      RUNBOOK_KINDS.map((kind) => [kind, RUNBOOK_TITLES[kind], 0, true, [{ version: 0, authorLabel: null, createdAt: null }]]),
    );
    expect(await written()).toEqual({ runbooks: 0, audits: 0 });
  });

  it("answers not_found for an unknown process, and 404 for an unknown kind", async () => {
    await expectAppError(getRunbooks(admin, { key: "no-such-process" }), "not_found");
    await expectAppError(save(admin, { body: body() }, "stuck_cases", "no-such-process"), "not_found");
    const res = await callAs(onCall, getRunbookRoute, "GET", "/api/v1/processes/loan-approval/runbooks/slo_burn", { params: { key: "loan-approval", kind: "slo_burn" } });
    expect(res).toMatchObject({ status: 404, body: { error: "not_found" } });
  });
});

describe("saving runbooks (lib/server/runbooks/save-runbook.ts)", () => {
  it("lets the owning team's process owner save v1 and v2, one audit row each, in the same transaction", async () => {
    const v1 = await save(owner, { body: body() });
    expect(v1).toMatchObject({ saved: true, process: { key: "loan-approval", name: "Loan approval" }, runbook: { kind: "dependency_outage", version: 1, isDefault: false, authorLabel: "lena.lending@flowdeck.test" } });
    expect(v1.runbook.body).toBe(body());
    const v2 = await save(owner, { body: body("Pause starts now."), baseVersion: 1 });
    expect(v2.runbook).toMatchObject({ version: 2, body: body("Pause starts now.") });

    const current = await currentRunbook(await getDb(), await loanProcessId(), "dependency_outage");
    expect(current).toMatchObject({ version: 2, isDefault: false, authorLabel: "lena.lending@flowdeck.test" });
    expect(current.createdAt).toBeInstanceOf(Date);
    // The other kinds are untouched.
    expect(await currentRunbook(await getDb(), await loanProcessId(), "stuck_cases")).toMatchObject({ version: 0, isDefault: true });

    const db = await getDb();
    const rows = await db.runbook.findMany({ orderBy: { version: "asc" } });
    expect(rows.map((r) => [r.version, r.authorId])).toEqual([
      [1, owner.actor.type === "user" ? owner.actor.id : "?"],
      [2, owner.actor.type === "user" ? owner.actor.id : "?"],
    ]);
    const audits = await db.auditLog.findMany({ where: { action: "runbook.update" }, orderBy: { id: "asc" } });
    expect(audits.map((a) => [a.actorLabel, a.targetType, a.targetId, a.processId, a.before, a.after])).toEqual([
      ["lena.lending@flowdeck.test", "runbook", "loan-approval/dependency_outage", await loanProcessId(), { kind: "dependency_outage", version: 0 }, { kind: "dependency_outage", version: 1 }],
      ["lena.lending@flowdeck.test", "runbook", "loan-approval/dependency_outage", await loanProcessId(), { kind: "dependency_outage", version: 1 }, { kind: "dependency_outage", version: 2 }],
    ]);
  });

  it("lets an admin save a runbook of any process", async () => {
    await expect(save(admin, { body: body() }, "version_regression")).resolves.toMatchObject({ saved: true, runbook: { version: 1, authorLabel: "admin@flowdeck.test" } });
  });

  it("refuses another team's process owner and an on-call engineer, writing nothing", async () => {
    await save(owner, { body: body() });
    const before = await written();
    await expectAppError(save(otherOwner, { body: body("Sneaky.") }), "forbidden");
    await expectAppError(save(onCall, { body: body("Sneaky.") }), "forbidden");
    expect(await written()).toEqual(before);
  });

  it("saves nothing for a body identical to the current one, the built-in one included", async () => {
    expect(await save(owner, { body: DEFAULT_RUNBOOKS.stuck_cases }, "stuck_cases")).toMatchObject({ saved: false, runbook: { version: 0, isDefault: true } });
    await save(owner, { body: body() });
    // Line ends and trailing blank lines are not a change.
    const again = await save(owner, { body: `${body().replace(/\n/g, "\r\n")}\r\n\r\n`, baseVersion: 0 });
    expect(again).toMatchObject({ saved: false, runbook: { version: 1 } });
    expect(await written()).toEqual({ runbooks: 1, audits: 1 });
  });

  it("refuses a save based on an older version than the current one (someone saved meanwhile)", async () => {
    await save(owner, { body: body() });
    await save(admin, { body: body("Admin's change.") });
    const error = await expectAppError(save(owner, { body: body("Mine."), baseVersion: 1 }), "conflict");
    expect(error.message).toBe("admin@flowdeck.test saved version 2 of this runbook after you opened version 1; reload it and apply your change again.");
    expect(await written()).toEqual({ runbooks: 2, audits: 2 });
  });

  it("never loses a save silently when two race for the same version", async () => {
    const results = await Promise.allSettled([save(owner, { body: body("First.") }), save(admin, { body: body("Second.") }), save(owner, { body: body("Third.") })]);
    const versions = results.flatMap((r) => (r.status === "fulfilled" ? [r.value.runbook.version] : []));
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "conflict" });
    expect(new Set(versions).size).toBe(versions.length);
    expect(await written()).toEqual({ runbooks: versions.length, audits: versions.length });
  });

  it("records a restore in the audit row, and refuses to restore a version that does not exist", async () => {
    await save(owner, { body: body() });
    await save(owner, { body: body("Second.") });
    const restored = await save(owner, { body: body(), baseVersion: 2, restoredFrom: 1 });
    expect(restored.runbook).toMatchObject({ version: 3, body: body() });
    await expectAppError(save(owner, { body: body("x"), restoredFrom: 7 }), "invalid_request");
    const db = await getDb();
    const last = await db.auditLog.findFirstOrThrow({ where: { action: "runbook.update" }, orderBy: { id: "desc" } });
    expect(last.after).toEqual({ kind: "dependency_outage", version: 3, restoredFrom: 1 });
    expect(await written()).toEqual({ runbooks: 3, audits: 3 });
  });
});

describe("history and versions", () => {
  it("lists versions newest first, ending with the built-in one, and fetches any of them", async () => {
    await save(owner, { body: body("One.") });
    await save(admin, { body: body("Two.") });
    await save(owner, { body: body("Three.") });

    const { runbook } = await getRunbook(onCall, { key: "loan-approval", kind: "dependency_outage" });
    expect(runbook).toMatchObject({ version: 3, body: body("Three.") });
    expect(runbook.history.map((h) => [h.version, h.authorLabel])).toEqual([
      [3, "lena.lending@flowdeck.test"],
      [2, "admin@flowdeck.test"],
      [1, "lena.lending@flowdeck.test"],
      [0, null],
    ]);
    const times = runbook.history.slice(0, 3).map((h) => h.createdAt!.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    expect((await getRunbookVersion(onCall, { key: "loan-approval", kind: "dependency_outage", version: 2 })).runbook).toMatchObject({
      version: 2,
      body: body("Two."),
      authorLabel: "admin@flowdeck.test",
      isDefault: false,
      isCurrent: false,
    });
    expect((await getRunbookVersion(onCall, { key: "loan-approval", kind: "dependency_outage", version: 0 })).runbook).toMatchObject({
      version: 0,
      body: DEFAULT_RUNBOOKS.dependency_outage,
      isDefault: true,
      isCurrent: false,
    });
    expect((await getRunbookVersion(onCall, { key: "loan-approval", kind: "stuck_cases", version: 0 })).runbook).toMatchObject({ isCurrent: true });
    await expectAppError(getRunbookVersion(onCall, { key: "loan-approval", kind: "dependency_outage", version: 4 }), "not_found");
  });
});

describe("the runbook routes, as a signed-in user", () => {
  const url = (kind: string, query = "") => `/api/v1/processes/loan-approval/runbooks/${kind}${query}`;
  const params = (kind: string) => ({ key: "loan-approval", kind });
  const put = (ctx: Ctx, kind: string, payload: unknown) => callAs(ctx, putRunbookRoute, "PUT", url(kind), { body: payload, params: params(kind) });
  const get = (ctx: Ctx, kind: string, query = "") => callAs(ctx, getRunbookRoute, "GET", url(kind, query), { params: params(kind) });

  it("lets everyone read and the owning team's process owner save", async () => {
    const list = await callAs(onCall, listRunbooksRoute, "GET", "/api/v1/processes/loan-approval/runbooks", { params: { key: "loan-approval" } });
    expect(list.status).toBe(200);
    expect((list.body!.runbooks as { kind: string; version: number }[]).map((r) => [r.kind, r.version])).toEqual(RUNBOOK_KINDS.map((k) => [k, 0]));

    const saved = await put(owner, "stuck_cases", { body: body(), baseVersion: 0 });
    expect(saved).toMatchObject({ status: 200, body: { saved: true, runbook: { kind: "stuck_cases", version: 1, authorLabel: "lena.lending@flowdeck.test" } } });
    expect(await put(owner, "stuck_cases", { body: body() })).toMatchObject({ status: 200, body: { saved: false, runbook: { version: 1 } } });

    const read = await get(onCall, "stuck_cases");
    expect(read).toMatchObject({ status: 200, body: { process: { key: "loan-approval" }, runbook: { version: 1, body: body(), isDefault: false } } });
    expect(await get(onCall, "stuck_cases", "?version=0")).toMatchObject({ status: 200, body: { runbook: { version: 0, body: DEFAULT_RUNBOOKS.stuck_cases, isCurrent: false } } });
    expect(await get(onCall, "stuck_cases", "?version=5")).toMatchObject({ status: 404, body: { error: "not_found" } });
    expect(await get(onCall, "stuck_cases", "?version=abc")).toMatchObject({ status: 400, body: { error: "invalid_request" } });
  });

  it("answers 403 to another team's process owner and to on-call, 401 without a session, writing nothing", async () => {
    for (const ctx of [otherOwner, onCall]) {
      expect(await put(ctx, "dependency_outage", { body: body() })).toMatchObject({ status: 403, body: { error: "forbidden" } });
    }
    expect((await call(putRunbookRoute, "PUT", url("dependency_outage"), { body: { body: body() }, params: params("dependency_outage") })).status).toBe(401);
    const { token } = await createKey(["ingest", "commands", "read"]);
    expect((await call(putRunbookRoute, "PUT", url("dependency_outage"), { token, body: { body: body() }, params: params("dependency_outage") })).status).toBe(403);
    expect(await written()).toEqual({ runbooks: 0, audits: 0 });
  });

  it("refuses an invalid body with 400 and its problems on `body`, writing nothing", async () => {
    const missing = await put(owner, "dependency_outage", { body: "## Detect\n- a\n## Diagnose\n- b\n## Mitigate\n- {{action:explode}} c\n" });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ error: "invalid_request" });
    const issues = missing.body!.issues as { path: string[]; message: string }[];
    expect(issues.map((i) => i.path)).toEqual([["body"], ["body"]]);
    expect(issues.map((i) => i.message)).toEqual([
      'The "## Rollback" section is missing.',
      expect.stringMatching(/^\{\{action:explode\}\} is not an action; use one of \{\{action:pause_starts\}\}/),
    ]);

    expect(await put(owner, "dependency_outage", { body: "" })).toMatchObject({ status: 400, body: { issues: [{ path: ["body"] }] } });
    expect(await put(owner, "dependency_outage", { body: `${body()}- ${"x".repeat(20_000)}\n` })).toMatchObject({
      status: 400,
      body: { issues: [{ path: ["body"], message: expect.stringMatching(/keep it to 20,000\.$/) }] },
    });
    expect(await put(owner, "dependency_outage", {})).toMatchObject({ status: 400, body: { issues: [{ path: ["body"] }] } });
    expect(await put(owner, "dependency_outage", { body: body(), baseVersion: -1 })).toMatchObject({ status: 400, body: { issues: [{ path: ["baseVersion"] }] } });
    expect(await written()).toEqual({ runbooks: 0, audits: 0 });
  });

  it("answers 409 to a save based on a stale version", async () => {
    await save(admin, { body: body("Admin's.") });
    expect(await put(owner, "dependency_outage", { body: body("Mine."), baseVersion: 0 })).toMatchObject({ status: 409, body: { error: "conflict" } });
  });
});
