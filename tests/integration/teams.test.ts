import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET as ownershipRoute, PUT as putOwnershipRoute } from "@/app/api/v1/processes/[key]/ownership/route";
import { GET as getTeamRoute, PUT as putTeamRoute } from "@/app/api/v1/teams/[id]/route";
import { GET as reviewRoute } from "@/app/api/v1/teams/ownership-review/route";
import { GET as listTeamsRoute, POST as createTeamRoute } from "@/app/api/v1/teams/route";
import { getDb } from "@/lib/db";
import type { Ctx } from "@/lib/server/context";
import { saveSchedule } from "@/lib/server/oncall/save-schedule";
import { getProcessOwnership } from "@/lib/server/teams/get-process-ownership";
import { getTeam } from "@/lib/server/teams/get-team";
import { listTeams } from "@/lib/server/teams/list-teams";
import { ownershipReview } from "@/lib/server/teams/ownership-review";
import { saveTeam } from "@/lib/server/teams/save-team";
import { setProcessOwnership } from "@/lib/server/teams/set-process-ownership";
import { ZScheduleInput } from "@/lib/validation/schedule";
import { ZTeamInput, type TTeamInput } from "@/lib/validation/team";
import { resetDatabase } from "../support/db";
import { expectAppError } from "../support/errors";
import { userCtx } from "../support/outbox";
import { callAs } from "../support/session";
import { defineLoanApproval } from "../support/outbox";

vi.mock("next-auth", async (original) => (await import("../support/session")).withTestSession(await original<typeof import("next-auth")>()));

const idOf = (ctx: Ctx) => (ctx.actor.type === "user" ? ctx.actor.id : "");

async function teamAudits() {
  return (await getDb()).auditLog.findMany({ where: { action: { startsWith: "team." } }, orderBy: { id: "asc" } });
}

const SECRET = "whsec_super-secret-signing-key-0123";
const SLACK = "https://hooks.slack.com/services/T000/B000/XXXX";

let admin: Ctx;
let manager: Ctx;
let owner: Ctx; // process_owner in Lending
let oncall: Ctx; // on_call in Lending
let ana: Ctx; // on_call, no team yet
let lendingId: string;

const teamBody = (overrides: Partial<TTeamInput> = {}): TTeamInput => ({
  name: "Payments",
  members: [
    { userId: idOf(ana), role: "member" },
    { userId: idOf(manager), role: "manager" },
  ],
  webhookUrl: SLACK,
  webhookSecret: SECRET,
  ...overrides,
});

beforeEach(async () => {
  await resetDatabase();
  await defineLoanApproval();
  admin = await userCtx("admin", "ada@flowdeck.test", { name: "Ada Admin" });
  manager = await userCtx("manager", "maya@flowdeck.test", { name: "Maya Manager" });
  owner = await userCtx("process_owner", "omar@flowdeck.test", { name: "Omar Owner", team: "Lending" });
  oncall = await userCtx("on_call", "chen@flowdeck.test", { name: "Chen Oncall", team: "Lending" });
  ana = await userCtx("on_call", "ana@flowdeck.test", { name: "Ana Lopez" });
  lendingId = (await (await getDb()).team.findUniqueOrThrow({ where: { name: "Lending" } })).id;
});

describe("saving teams (lib/server/teams/save-team.ts)", () => {
  it("lets a manager create a team with members, roles and a webhook; the secret is stored, never returned, and not in the audit row", async () => {
    const team = await saveTeam(manager, ZTeamInput.parse(teamBody()));
    expect(team).toMatchObject({ name: "Payments", webhook: { configured: true, url: SLACK, hasSecret: true } });
    expect(team.members.map((m) => [m.name, m.role])).toEqual([
      ["Maya Manager", "manager"],
      ["Ana Lopez", "member"],
    ]);
    expect(JSON.stringify(team)).not.toContain(SECRET);

    const db = await getDb();
    expect((await db.team.findUniqueOrThrow({ where: { id: team.id } })).webhookSecret).toBe(SECRET);
    const audits = await teamAudits();
    expect(audits.map((a) => [a.action, a.targetId, a.actorId])).toEqual([["team.create", team.id, idOf(manager)]]);
    expect(audits[0]!.after).toMatchObject({ name: "Payments", webhookUrl: SLACK, webhookSecret: "set" });
    expect(JSON.stringify(audits.map((a) => [a.before, a.after]))).not.toContain(SECRET);
  });

  it("keeps the secret when the form leaves it empty, drops it with the URL, and audits before and after", async () => {
    const team = await saveTeam(admin, ZTeamInput.parse(teamBody()));
    const db = await getDb();
    const renamed = await saveTeam(admin, { ...ZTeamInput.parse(teamBody({ name: "Payments EU", webhookSecret: "" })), id: team.id });
    expect(renamed).toMatchObject({ name: "Payments EU", webhook: { hasSecret: true } });
    expect((await db.team.findUniqueOrThrow({ where: { id: team.id } })).webhookSecret).toBe(SECRET);

    const demoted = await saveTeam(admin, { ...ZTeamInput.parse(teamBody({ webhookUrl: "", webhookSecret: "", members: [{ userId: idOf(ana), role: "manager" }] })), id: team.id });
    expect(demoted.webhook).toEqual({ configured: false, url: null, hasSecret: false });
    expect(demoted.members.map((m) => [m.name, m.role])).toEqual([["Ana Lopez", "manager"]]);
    expect(await db.team.findUniqueOrThrow({ where: { id: team.id } })).toMatchObject({ webhookUrl: null, webhookSecret: null });
    expect(await db.membership.count({ where: { teamId: team.id } })).toBe(1);

    const audits = await teamAudits();
    expect(audits.map((a) => a.action)).toEqual(["team.create", "team.update", "team.update"]);
    expect(audits[1]!.before).toMatchObject({ name: "Payments", webhookUrl: SLACK });
    expect(audits[1]!.after).toMatchObject({ name: "Payments EU", webhookSecret: "kept" });
    expect(audits[2]!.after).toMatchObject({ webhookUrl: null, webhookSecret: "none" });
  });

  it("refuses process owners and on-call engineers (403), writing nothing", async () => {
    for (const ctx of [owner, oncall]) {
      await expectAppError(saveTeam(ctx, ZTeamInput.parse(teamBody())), "forbidden");
      await expectAppError(saveTeam(ctx, { ...ZTeamInput.parse(teamBody({ name: "Lending" })), id: lendingId }), "forbidden");
    }
    const db = await getDb();
    expect(await db.team.count()).toBe(1);
    expect(await teamAudits()).toEqual([]);
  });

  it("answers conflict on a taken name, invalid_request for an unknown user, not_found for an unknown team", async () => {
    const taken = await expectAppError(saveTeam(manager, ZTeamInput.parse(teamBody({ name: "Lending" }))), "conflict");
    expect(taken.issues).toEqual([{ path: ["name"], message: "is already taken" }]);
    const unknown = await expectAppError(saveTeam(manager, ZTeamInput.parse(teamBody({ members: [{ userId: "nobody", role: "member" }] }))), "invalid_request");
    expect(unknown.issues?.map((i) => i.path)).toEqual([["members", 0, "userId"]]);
    await expectAppError(saveTeam(manager, { ...ZTeamInput.parse(teamBody()), id: "no-such-team" }), "not_found");
    expect(await teamAudits()).toEqual([]);
  });

  it("refuses to remove the process owner of one of the team's processes or someone on its rotation", async () => {
    await setProcessOwnership(manager, { key: "loan-approval", teamId: lendingId, ownerId: idOf(owner) });
    const withoutOwner = ZTeamInput.parse({ name: "Lending", members: [{ userId: idOf(oncall), role: "member" }] });
    const error = await expectAppError(saveTeam(manager, { ...withoutOwner, id: lendingId }), "invalid_request");
    expect(error.message).toContain("Omar Owner owns Loan approval");

    await saveSchedule(manager, {
      ...ZScheduleInput.parse({
        name: "Lending rotation",
        timeZone: "Europe/Berlin",
        layers: [{ level: 1, members: [idOf(oncall)], rotationEvery: 1, rotationUnit: "weeks", handoffTime: "09:00", startDate: "2026-11-02" }],
      }),
      teamId: lendingId,
    });
    const withoutChen = ZTeamInput.parse({ name: "Lending", members: [{ userId: idOf(owner), role: "member" }] });
    const rotation = await expectAppError(saveTeam(manager, { ...withoutChen, id: lendingId }), "invalid_request");
    expect(rotation.message).toContain("Chen Oncall is on the primary rotation of Lending rotation");
    expect(await (await getDb()).membership.count({ where: { teamId: lendingId } })).toBe(2);
  });
});

describe("the team routes", () => {
  const create = (ctx: Ctx, body: unknown) => callAs(ctx, createTeamRoute, "POST", "/api/v1/teams", { body });
  const put = (ctx: Ctx, id: string, body: unknown) => callAs(ctx, putTeamRoute, "PUT", `/api/v1/teams/${id}`, { body, params: { id } });
  const get = (ctx: Ctx, id: string) => callAs(ctx, getTeamRoute, "GET", `/api/v1/teams/${id}`, { params: { id } });

  it("let a manager create and edit, everyone read; the webhook URL only for managers, the secret for nobody", async () => {
    const created = await create(manager, teamBody());
    expect(created).toMatchObject({ status: 201, body: { name: "Payments", webhook: { url: SLACK, hasSecret: true } } });
    const id = created.body!.id as string;

    const asOnCall = await get(oncall, id);
    expect(asOnCall).toMatchObject({ status: 200, body: { id, webhook: { configured: true, url: null, hasSecret: true }, onCall: { primary: null, secondary: null } } });
    const list = await callAs(owner, listTeamsRoute, "GET", "/api/v1/teams");
    expect(list.status).toBe(200);
    expect((list.body!.teams as { name: string }[]).map((t) => t.name)).toEqual(["Lending", "Payments"]);
    for (const body of [created.body, asOnCall.body, list.body]) {
      expect(JSON.stringify(body)).not.toContain(SECRET);
      expect(JSON.stringify(body)).not.toMatch(/webhookSecret|passwordHash|icalTokenHash/);
    }

    expect(await put(manager, id, teamBody({ name: "Payments EU", webhookSecret: "" }))).toMatchObject({ status: 200, body: { name: "Payments EU" } });
  });

  it("answer 403 to process owners and on-call engineers and 400 naming the field, writing nothing", async () => {
    for (const ctx of [owner, oncall]) {
      expect(await create(ctx, teamBody())).toMatchObject({ status: 403, body: { error: "forbidden" } });
      expect(await put(ctx, lendingId, teamBody({ name: "Lending" }))).toMatchObject({ status: 403, body: { error: "forbidden" } });
    }
    const cases: [unknown, (string | number)[]][] = [
      [teamBody({ name: "" }), ["name"]],
      [teamBody({ webhookUrl: "ftp://example.com/hook" }), ["webhookUrl"]],
      [teamBody({ webhookUrl: "", webhookSecret: SECRET }), ["webhookSecret"]],
      [teamBody({ members: [{ userId: idOf(ana), role: "member" }, { userId: idOf(ana), role: "manager" }] }), ["members", 1, "userId"]],
      [{ ...teamBody(), members: [{ userId: idOf(ana), role: "owner" }] }, ["members", 0, "role"]],
    ];
    for (const [body, path] of cases) {
      const res = await create(manager, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((res.body!.issues as { path: (string | number)[] }[]).map((i) => i.path)).toEqual([path]);
    }
    expect(await (await getDb()).team.count()).toBe(1);
    expect(await teamAudits()).toEqual([]);
  });
});

describe("process ownership", () => {
  const put = (ctx: Ctx, body: unknown, key = "loan-approval") =>
    callAs(ctx, putOwnershipRoute, "PUT", `/api/v1/processes/${key}/ownership`, { body, params: { key } });

  it("sets the owning team and process owner, audited; everyone reads it with who is on call", async () => {
    const res = await put(manager, { teamId: lendingId, ownerId: idOf(owner) });
    expect(res).toMatchObject({ status: 200, body: { key: "loan-approval", teamId: lendingId, ownerId: idOf(owner) } });

    const read = await callAs(oncall, ownershipRoute, "GET", "/api/v1/processes/loan-approval/ownership", { params: { key: "loan-approval" } });
    expect(read).toMatchObject({
      status: 200,
      body: { key: "loan-approval", team: { id: lendingId, name: "Lending" }, owner: { name: "Omar Owner", email: "omar@flowdeck.test" }, hasSchedule: false },
    });
    const audits = await (await getDb()).auditLog.findMany({ where: { action: "process.ownership" } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: idOf(manager), targetType: "process", before: { ownerId: null }, after: { teamId: lendingId, ownerId: idOf(owner) } });
  });

  it("answers 400 when the owner is not a member of the team, with a message that says so, changing nothing", async () => {
    const res = await put(manager, { teamId: lendingId, ownerId: idOf(ana) });
    expect(res).toMatchObject({ status: 400, body: { error: "invalid_request" } });
    expect(res.body!.message).toBe("Ana Lopez is not a member of Lending; add them to the team first, or choose a member as the process owner.");
    expect(res.body!.issues).toEqual([{ path: ["ownerId"], message: "is not a member of Lending" }]);
    await expectAppError(setProcessOwnership(admin, { key: "loan-approval", teamId: lendingId, ownerId: idOf(ana) }), "invalid_request");

    expect(await put(manager, { teamId: "no-such-team", ownerId: null })).toMatchObject({ status: 400, body: { issues: [{ path: ["teamId"] }] } });
    expect(await put(manager, { teamId: lendingId }, "no-such-process")).toMatchObject({ status: 404 });
    expect((await getProcessOwnership(admin, { key: "loan-approval" })).owner).toBeNull();
    expect(await (await getDb()).auditLog.count({ where: { action: "process.ownership" } })).toBe(0);
  });

  it("answers 403 to process owners and on-call engineers", async () => {
    for (const ctx of [owner, oncall]) {
      expect(await put(ctx, { teamId: lendingId, ownerId: idOf(owner) })).toMatchObject({ status: 403, body: { error: "forbidden" } });
    }
    expect((await getProcessOwnership(admin, { key: "loan-approval" })).owner).toBeNull();
  });
});

describe("who is on call, on the team and process reads", () => {
  it("shows the primary and secondary of the team's schedule at the given time", async () => {
    await saveSchedule(manager, {
      ...ZScheduleInput.parse({
        name: "Lending rotation",
        timeZone: "Europe/Berlin",
        layers: [
          { level: 1, members: [idOf(oncall), idOf(owner)], rotationEvery: 1, rotationUnit: "days", handoffTime: "09:00", startDate: "2026-11-02" },
          { level: 2, members: [idOf(owner), idOf(oncall)], rotationEvery: 1, rotationUnit: "days", handoffTime: "09:00", startDate: "2026-11-02" },
        ],
      }),
      teamId: lendingId,
    });
    // 2026-11-02 09:00 Berlin (08:00 UTC) starts day 0: Chen primary; at 2026-11-03 10:00 UTC it is day 1.
    const at = new Date("2026-11-03T10:00:00Z");
    const team = await getTeam(oncall, { id: lendingId }, at);
    expect(team.onCall.primary).toMatchObject({ name: "Omar Owner" });
    expect(team.onCall.secondary).toMatchObject({ name: "Chen Oncall" });
    expect(new Date(team.onCall.primary!.until).toISOString()).toBe("2026-11-04T08:00:00.000Z");

    const [lending] = await listTeams(owner, at);
    expect(lending).toMatchObject({ name: "Lending", schedule: { name: "Lending rotation" }, onCall: { primary: { name: "Omar Owner" } } });
    const ownership = await getProcessOwnership(oncall, { key: "loan-approval" }, new Date("2026-11-02T08:00:00Z"));
    expect(ownership).toMatchObject({ hasSchedule: true, onCall: { primary: { name: "Chen Oncall" }, secondary: { name: "Omar Owner" } } });
  });
});

describe("ownership review", () => {
  it("lists processes without a team or owner, teams without a schedule and schedules with gaps in the next 14 days", async () => {
    const now = new Date("2026-11-26T12:00:00Z");
    const db = await getDb();
    await db.process.create({ data: { key: "orphan", name: "Orphan process" } });
    const payments = await saveTeam(manager, ZTeamInput.parse(teamBody({ webhookUrl: "", webhookSecret: "" })));
    // Lending's rotation starts in five days: no primary until then, and no secondary layer at all.
    await saveSchedule(manager, {
      ...ZScheduleInput.parse({
        name: "Lending rotation",
        timeZone: "Europe/Berlin",
        layers: [{ level: 1, members: [idOf(oncall)], rotationEvery: 1, rotationUnit: "weeks", handoffTime: "09:00", startDate: "2026-12-01" }],
      }),
      teamId: lendingId,
    });

    const review = await ownershipReview(manager, now);
    expect(review.processesWithoutTeam).toEqual([{ key: "orphan", name: "Orphan process" }]);
    expect(review.processesWithoutOwner).toEqual([{ key: "loan-approval", name: "Loan approval", team: { id: lendingId, name: "Lending" } }]);
    expect(review.teamsWithoutSchedule).toEqual([{ id: payments.id, name: "Payments" }]);
    expect(review.schedulesWithGaps).toHaveLength(1);
    expect(review.schedulesWithGaps[0]).toMatchObject({ name: "Lending rotation", team: { name: "Lending" } });
    expect(review.schedulesWithGaps[0]!.gaps).toEqual([{ level: 1, start: now, end: new Date("2026-12-01T08:00:00Z") }]);

    // Once ownership is complete, those lists empty out.
    await setProcessOwnership(manager, { key: "loan-approval", teamId: lendingId, ownerId: idOf(owner) });
    await setProcessOwnership(manager, { key: "orphan", teamId: payments.id, ownerId: idOf(ana) });
    const after = await ownershipReview(admin, now);
    expect(after.processesWithoutTeam).toEqual([]);
    expect(after.processesWithoutOwner).toEqual([]);
  });

  it("is for managers and admins (403 to others)", async () => {
    expect((await callAs(manager, reviewRoute, "GET", "/api/v1/teams/ownership-review")).status).toBe(200);
    for (const ctx of [owner, oncall]) {
      expect(await callAs(ctx, reviewRoute, "GET", "/api/v1/teams/ownership-review")).toMatchObject({ status: 403, body: { error: "forbidden" } });
    }
  });
});
