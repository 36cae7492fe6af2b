import { createHash } from "node:crypto";
import { DateTime } from "luxon";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET as scheduleFeedRoute } from "@/app/api/calendar/schedules/[token]/route";
import { GET as userFeedRoute } from "@/app/api/calendar/users/[token]/route";
import { POST as rotateFeedRoute } from "@/app/api/v1/schedules/[id]/calendar-feed/route";
import { DELETE as deleteOverrideRoute } from "@/app/api/v1/schedules/[id]/overrides/[overrideId]/route";
import { POST as createOverrideRoute } from "@/app/api/v1/schedules/[id]/overrides/route";
import { GET as getScheduleRoute, PUT as putScheduleRoute } from "@/app/api/v1/schedules/[id]/route";
import { GET as timelineRoute } from "@/app/api/v1/schedules/[id]/timeline/route";
import { POST as myFeedRoute } from "@/app/api/v1/schedules/my-calendar-feed/route";
import { POST as createScheduleRoute } from "@/app/api/v1/schedules/route";
import { DELETE as resetPolicyRoute, PUT as putPolicyRoute } from "@/app/api/v1/teams/[id]/escalation-policies/[severity]/route";
import { GET as policiesRoute } from "@/app/api/v1/teams/[id]/escalation-policies/route";
import { getDb } from "@/lib/db";
import { DEFAULT_POLICIES } from "@/lib/domain/escalation";
import type { Ctx } from "@/lib/server/context";
import { deleteOverride } from "@/lib/server/oncall/delete-override";
import { getEscalationPolicies } from "@/lib/server/oncall/get-escalation-policies";
import { getSchedule } from "@/lib/server/oncall/get-schedule";
import { getScheduleTimeline } from "@/lib/server/oncall/get-schedule-timeline";
import { onCallForTeam } from "@/lib/server/oncall/on-call-for-team";
import { saveOverride } from "@/lib/server/oncall/save-override";
import { saveSchedule } from "@/lib/server/oncall/save-schedule";
import { ZOverrideInput, ZScheduleInput, type TOverrideInput, type TScheduleInput } from "@/lib/validation/schedule";
import { resetDatabase } from "../support/db";
import { expectAppError } from "../support/errors";
import { userCtx } from "../support/outbox";
import { callAs } from "../support/session";

vi.mock("next-auth", async (original) => (await import("../support/session")).withTestSession(await original<typeof import("next-auth")>()));

/** A calendar feed as a calendar app fetches it: no session, the token in the path. */
async function fetchFeed(handler: typeof scheduleFeedRoute, kind: "schedules" | "users", token: string) {
  const response = await handler(new Request(`http://flowdeck.test/api/calendar/${kind}/${token}`), { params: Promise.resolve({ token }) });
  return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
}

const idOf = (ctx: Ctx) => (ctx.actor.type === "user" ? ctx.actor.id : "");

async function audits(prefix: string) {
  return (await getDb()).auditLog.findMany({ where: { action: { startsWith: prefix } }, orderBy: { id: "asc" } });
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const HOUR = 3_600_000;

let manager: Ctx;
let owner: Ctx; // process_owner in Lending
let ana: Ctx;
let ben: Ctx;
let cara: Ctx;
let dave: Ctx; // on_call, not in Lending
let teamId: string;

/** Daily handoffs at 09:00 Berlin from Monday 2026-11-23: primary Ana, Ben, Cara; secondary Ben, Cara, Ana. */
const scheduleBody = (overrides: Partial<TScheduleInput> = {}): TScheduleInput => ({
  name: "Lending rotation",
  timeZone: "Europe/Berlin",
  layers: [
    { level: 1, members: [idOf(ana), idOf(ben), idOf(cara)], rotationEvery: 1, rotationUnit: "days", handoffTime: "09:00", startDate: "2026-11-23" },
    { level: 2, members: [idOf(ben), idOf(cara), idOf(ana)], rotationEvery: 1, rotationUnit: "days", handoffTime: "09:00", startDate: "2026-11-23" },
  ],
  ...overrides,
});

const createSchedule = (ctx: Ctx = manager, body = scheduleBody()) => saveSchedule(ctx, { ...ZScheduleInput.parse(body), teamId });

beforeEach(async () => {
  await resetDatabase();
  manager = await userCtx("manager", "maya@flowdeck.test", { name: "Maya Manager" });
  owner = await userCtx("process_owner", "omar@flowdeck.test", { name: "Omar Owner", team: "Lending" });
  ana = await userCtx("on_call", "ana@flowdeck.test", { name: "Ana Lopez", team: "Lending" });
  ben = await userCtx("on_call", "ben@flowdeck.test", { name: "Ben Ode", team: "Lending" });
  cara = await userCtx("on_call", "cara@flowdeck.test", { name: "Cara Diaz", team: "Lending" });
  dave = await userCtx("on_call", "dave@flowdeck.test", { name: "Dave Fulfil" });
  teamId = (await (await getDb()).team.findUniqueOrThrow({ where: { name: "Lending" } })).id;
});

describe("schedules and their timeline", () => {
  it("saves a schedule with two layers, audited, and shows the 14-day timeline with names and no gaps", async () => {
    const saved = await createSchedule();
    const now = new Date("2026-11-26T12:00:00Z"); // Thursday, 13:00 in Berlin: day 3, Ana primary, Ben secondary

    const schedule = await getSchedule(owner, { id: saved.id }, now);
    expect(schedule).toMatchObject({ name: "Lending rotation", timeZone: "Europe/Berlin", team: { id: teamId, name: "Lending" }, hasCalendarFeed: false, overrides: [] });
    expect(schedule.layers.map((l) => [l.level, l.members.map((m) => m.name)])).toEqual([
      [1, ["Ana Lopez", "Ben Ode", "Cara Diaz"]],
      [2, ["Ben Ode", "Cara Diaz", "Ana Lopez"]],
    ]);

    const timeline = await getScheduleTimeline(ana, { id: saved.id }, now);
    expect(timeline).toMatchObject({ timeZone: "Europe/Berlin", levels: [1, 2], from: now, to: new Date("2026-12-10T12:00:00Z"), gaps: [] });
    const primary = timeline.shifts.filter((s) => s.level === 1);
    expect(primary).toHaveLength(15); // a part of today's, 13 whole days, a part of the last
    expect(primary.slice(0, 3).map((s) => [s.userName, s.start.toISOString(), s.end.toISOString()])).toEqual([
      ["Ana Lopez", "2026-11-26T12:00:00.000Z", "2026-11-27T08:00:00.000Z"],
      ["Ben Ode", "2026-11-27T08:00:00.000Z", "2026-11-28T08:00:00.000Z"],
      ["Cara Diaz", "2026-11-28T08:00:00.000Z", "2026-11-29T08:00:00.000Z"],
    ]);
    expect(timeline.shifts.find((s) => s.level === 2)).toMatchObject({ userName: "Ben Ode", overrideId: null });

    expect(await onCallForTeam(await getDb(), teamId, now)).toMatchObject({ scheduleId: saved.id, primary: { name: "Ana Lopez" }, secondary: { name: "Ben Ode" } });
    const rows = await audits("schedule.");
    expect(rows.map((a) => [a.action, a.targetId, a.actorId])).toEqual([["schedule.create", saved.id, idOf(manager)]]);
    expect(rows[0]!.after).toMatchObject({ teamId, name: "Lending rotation", timeZone: "Europe/Berlin" });
  });

  it("replaces the layers through the API as a manager: the timeline changes, the audit row has before and after", async () => {
    const { id } = await createSchedule();
    const weekly = scheduleBody({
      layers: [{ level: 1, members: [idOf(cara), idOf(ana)], rotationEvery: 1, rotationUnit: "weeks", handoffTime: "10:00", startDate: "2026-11-23" }],
    });
    expect(await callAs(manager, putScheduleRoute, "PUT", `/api/v1/schedules/${id}`, { body: weekly, params: { id } })).toMatchObject({ status: 200, body: { id, teamId } });

    const timeline = await getScheduleTimeline(ana, { id }, new Date("2026-11-26T12:00:00Z"));
    expect(timeline.levels).toEqual([1]);
    expect(timeline.shifts.map((s) => [s.userName, s.end.toISOString()]).slice(0, 2)).toEqual([
      ["Cara Diaz", "2026-11-30T09:00:00.000Z"],
      ["Ana Lopez", "2026-12-07T09:00:00.000Z"],
    ]);
    const update = (await audits("schedule.update"))[0]!;
    expect((update.before as { layers: unknown[] }).layers).toHaveLength(2);
    expect(update.after).toMatchObject({ layers: [{ level: 1, rotationUnit: "weeks", handoffTime: "10:00" }] });

    // Everyone reads the schedule and its timeline.
    expect((await callAs(owner, getScheduleRoute, "GET", `/api/v1/schedules/${id}`, { params: { id } })).status).toBe(200);
    const read = await callAs(dave, timelineRoute, "GET", `/api/v1/schedules/${id}/timeline`, { params: { id } });
    expect(read.status).toBe(200);
    expect((read.body!.shifts as unknown[]).length).toBeGreaterThan(0);
  });

  it("answers 403 to process owners and on-call engineers, writing nothing", async () => {
    const { id } = await createSchedule();
    for (const ctx of [owner, ana]) {
      expect(await callAs(ctx, createScheduleRoute, "POST", "/api/v1/schedules", { body: { ...scheduleBody({ name: "Mine" }), teamId } })).toMatchObject({ status: 403 });
      expect(await callAs(ctx, putScheduleRoute, "PUT", `/api/v1/schedules/${id}`, { body: scheduleBody({ name: "Mine" }), params: { id } })).toMatchObject({ status: 403, body: { error: "forbidden" } });
      await expectAppError(saveSchedule(ctx, { ...ZScheduleInput.parse(scheduleBody()), id }), "forbidden");
    }
    expect(await (await getDb()).schedule.count()).toBe(1);
    expect((await audits("schedule.")).map((a) => a.action)).toEqual(["schedule.create"]);
  });

  it("refuses invalid schedules with 400 naming the field, and people outside the team", async () => {
    const first = scheduleBody().layers[0]!;
    const cases: [unknown, (string | number)[]][] = [
      [scheduleBody({ timeZone: "Mars/Olympus" }), ["timeZone"]],
      [scheduleBody({ layers: [{ ...first, handoffTime: "9am" }] }), ["layers", 0, "handoffTime"]],
      [scheduleBody({ layers: [{ ...first, startDate: "2026-02-30" }] }), ["layers", 0, "startDate"]],
      [scheduleBody({ layers: [{ ...first, members: [] }] }), ["layers", 0, "members"]],
      [scheduleBody({ layers: [{ ...first, rotationEvery: 0 }] }), ["layers", 0, "rotationEvery"]],
      [scheduleBody({ layers: [first, { ...first }] }), ["layers", 1, "level"]],
      [scheduleBody({ layers: [{ ...first, level: 2 }] }), ["layers"]],
      [scheduleBody({ layers: [{ ...first, members: [idOf(ana), idOf(dave)] }] }), ["layers", 0, "members", 1]],
    ];
    for (const [body, path] of cases) {
      const res = await callAs(manager, createScheduleRoute, "POST", "/api/v1/schedules", { body: { ...(body as object), teamId } });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((res.body!.issues as { path: (string | number)[] }[]).map((i) => i.path)).toEqual([path]);
    }
    expect(await callAs(manager, createScheduleRoute, "POST", "/api/v1/schedules", { body: { ...scheduleBody(), teamId: "no-such-team" } })).toMatchObject({ status: 404 });
    await createSchedule();
    // A team has one schedule (incidents are routed by it), whatever the second one is called.
    expect(await callAs(manager, createScheduleRoute, "POST", "/api/v1/schedules", { body: { ...scheduleBody({ name: "Weekend rotation" }), teamId } })).toMatchObject({
      status: 409,
      body: { error: "conflict", issues: [{ path: ["teamId"] }] },
    });
    expect(await (await getDb()).schedule.count()).toBe(1);
  });

  it("gives two managers creating a team's schedule at once one schedule, and the other a conflict", async () => {
    const results = await Promise.allSettled([createSchedule(manager, scheduleBody({ name: "Mine" })), createSchedule(manager, scheduleBody({ name: "Theirs" }))]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "conflict" });
    const db = await getDb();
    expect(await db.schedule.count({ where: { teamId } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "schedule.create" } })).toBe(1);
  });
});

describe("overrides", () => {
  const now = new Date("2026-11-26T12:00:00Z");
  const cover = (overrides: Partial<TOverrideInput> = {}): TOverrideInput => ({
    level: 1,
    userId: idOf(cara),
    replacesUserId: idOf(ana),
    startsAt: "2026-11-26T10:00:00Z",
    endsAt: "2026-11-26T20:00:00Z",
    reason: "Ana at the dentist",
    ...overrides,
  });

  it("applies 'Cara covers Ana' to who is on call and the timeline, audited; deleting it restores the rotation", async () => {
    const { id } = await createSchedule();
    const res = await callAs(manager, createOverrideRoute, "POST", `/api/v1/schedules/${id}/overrides`, { body: cover(), params: { id } });
    expect(res).toMatchObject({ status: 201, body: { level: 1, userId: idOf(cara), replacesUserId: idOf(ana), reason: "Ana at the dentist" } });
    const overrideId = res.body!.id as string;

    const db = await getDb();
    expect((await onCallForTeam(db, teamId, now)).primary).toMatchObject({ name: "Cara Diaz", until: new Date("2026-11-26T20:00:00Z") });
    const timeline = await getScheduleTimeline(owner, { id }, now);
    expect(timeline.shifts.filter((s) => s.level === 1).slice(0, 2).map((s) => [s.userName, s.overrideId, s.end.toISOString()])).toEqual([
      ["Cara Diaz", overrideId, "2026-11-26T20:00:00.000Z"],
      ["Ana Lopez", null, "2026-11-27T08:00:00.000Z"],
    ]);
    expect((await getSchedule(owner, { id }, now)).overrides).toMatchObject([{ id: overrideId, user: { name: "Cara Diaz" }, replaces: { name: "Ana Lopez" } }]);

    const del = await callAs(manager, deleteOverrideRoute, "DELETE", `/api/v1/schedules/${id}/overrides/${overrideId}`, { params: { id, overrideId } });
    expect(del).toMatchObject({ status: 200, body: { id: overrideId } });
    expect((await onCallForTeam(db, teamId, now)).primary).toMatchObject({ name: "Ana Lopez" });
    const rows = await audits("schedule.override");
    expect(rows.map((a) => a.action)).toEqual(["schedule.override_create", "schedule.override_delete"]);
    expect(rows[0]).toMatchObject({ actorId: idOf(manager), targetId: id, reason: "Ana at the dentist", after: { userId: idOf(cara), startsAt: "2026-11-26T10:00:00.000Z" } });
    expect(rows[1]!.before).toMatchObject({ id: overrideId, userId: idOf(cara) });
    await expectAppError(deleteOverride(manager, { scheduleId: id, overrideId }), "not_found");
  });

  it("refuses bad overrides with 400 naming the field, and on-call engineers with 403", async () => {
    const { id } = await createSchedule();
    const cases: [TOverrideInput, (string | number)[]][] = [
      [cover({ endsAt: "2026-11-26T09:00:00Z" }), ["endsAt"]],
      [cover({ endsAt: "2027-03-01T10:00:00Z" }), ["endsAt"]],
      [cover({ startsAt: "tomorrow" }), ["startsAt"]],
      [cover({ replacesUserId: idOf(cara) }), ["replacesUserId"]],
      [cover({ userId: idOf(dave) }), ["userId"]],
    ];
    for (const [body, path] of cases) {
      const res = await callAs(manager, createOverrideRoute, "POST", `/api/v1/schedules/${id}/overrides`, { body, params: { id } });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((res.body!.issues as { path: (string | number)[] }[]).map((i) => i.path)).toEqual([path]);
    }
    expect(await callAs(ana, createOverrideRoute, "POST", `/api/v1/schedules/${id}/overrides`, { body: cover(), params: { id } })).toMatchObject({ status: 403 });
    await expectAppError(saveOverride(owner, { ...ZOverrideInput.parse(cover()), scheduleId: id }), "forbidden");
    const saved = await saveOverride(manager, { ...ZOverrideInput.parse(cover()), scheduleId: id });
    expect(await callAs(cara, deleteOverrideRoute, "DELETE", "/x", { params: { id, overrideId: saved.id } })).toMatchObject({ status: 403 });
    expect(await (await getDb()).scheduleOverride.count()).toBe(1);
  });
});

describe("calendar feeds", () => {
  /** Relative to real time, since a calendar app fetches "from now": the rotation started three days ago in Berlin. */
  async function liveSchedule() {
    const start = DateTime.now().setZone("Europe/Berlin").minus({ days: 3 }).toISODate()!;
    return createSchedule(manager, scheduleBody({ layers: scheduleBody().layers.map((l) => ({ ...l, startDate: start })) }));
  }

  it("gives a manager a schedule feed URL once, stores only the token's hash, and serves the next 60 days of shifts", async () => {
    const { id } = await liveSchedule();
    const res = await callAs(manager, rotateFeedRoute, "POST", `/api/v1/schedules/${id}/calendar-feed`, { params: { id } });
    expect(res.status).toBe(201);
    const token = res.body!.token as string;
    expect(res.body!.path).toBe(`/api/calendar/schedules/${token}`);
    expect(token.length).toBeGreaterThan(40);

    const db = await getDb();
    const stored = await db.schedule.findUniqueOrThrow({ where: { id } });
    expect(stored.icalTokenHash).toBe(sha256(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect((await getSchedule(owner, { id })).hasCalendarFeed).toBe(true);

    const feed = await fetchFeed(scheduleFeedRoute, "schedules", token);
    expect(feed.status).toBe(200);
    expect(feed.type).toBe("text/calendar; charset=utf-8");
    expect(feed.text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(feed.text).toContain("X-WR-CALNAME:Lending rotation");
    for (const who of ["Ana Lopez", "Ben Ode", "Cara Diaz"]) {
      expect(feed.text).toContain(`SUMMARY:Primary on call: ${who}`);
      expect(feed.text).toContain(`SUMMARY:Secondary on call: ${who}`);
    }
    // Two levels of daily shifts over 60 days, plus the ones running now.
    const events = feed.text.match(/BEGIN:VEVENT/g)?.length ?? 0;
    expect(events).toBeGreaterThanOrEqual(120);
    expect(events).toBeLessThanOrEqual(124);
    // The same URL fetched again keeps the events' identities.
    const again = await fetchFeed(scheduleFeedRoute, "schedules", token);
    expect(again.text.match(/UID:.*/g)).toEqual(feed.text.match(/UID:.*/g));

    // Rotating replaces the URL: the old token is unknown from then on.
    const rotated = await callAs(manager, rotateFeedRoute, "POST", `/api/v1/schedules/${id}/calendar-feed`, { params: { id } });
    expect(rotated.body!.token).not.toBe(token);
    expect((await fetchFeed(scheduleFeedRoute, "schedules", token)).status).toBe(404);
    expect((await fetchFeed(scheduleFeedRoute, "schedules", rotated.body!.token as string)).status).toBe(200);
    expect((await audits("schedule.feed_rotate")).map((a) => [a.targetId, a.after])).toEqual([
      [id, null],
      [id, null],
    ]);
  });

  it("answers 404 for a wrong token, and 403 when an on-call engineer tries to rotate a schedule's feed", async () => {
    const { id } = await liveSchedule();
    expect(await fetchFeed(scheduleFeedRoute, "schedules", "fdcal_not-a-real-token-at-all-0000000000")).toMatchObject({ status: 404 });
    expect(await fetchFeed(userFeedRoute, "users", "short")).toMatchObject({ status: 404 });
    expect(await callAs(ana, rotateFeedRoute, "POST", `/api/v1/schedules/${id}/calendar-feed`, { params: { id } })).toMatchObject({ status: 403 });
    expect((await (await getDb()).schedule.findUniqueOrThrow({ where: { id } })).icalTokenHash).toBeNull();
  });

  it("gives every user a personal feed of their own shifts across schedules", async () => {
    await liveSchedule();
    const res = await callAs(ana, myFeedRoute, "POST", "/api/v1/schedules/my-calendar-feed");
    expect(res.status).toBe(201);
    const token = res.body!.token as string;
    expect(res.body!.path).toBe(`/api/calendar/users/${token}`);
    expect((await (await getDb()).user.findUniqueOrThrow({ where: { id: idOf(ana) } })).icalTokenHash).toBe(sha256(token));

    const feed = await fetchFeed(userFeedRoute, "users", token);
    expect(feed).toMatchObject({ status: 200, type: "text/calendar; charset=utf-8" });
    expect(feed.text).toContain("X-WR-CALNAME:Ana Lopez on call");
    expect(feed.text).toContain("SUMMARY:Primary on call for Lending");
    expect(feed.text).toContain("SUMMARY:Secondary on call for Lending");
    // Ana holds one of three daily shifts per level: about 40 over 60 days (two levels).
    const events = feed.text.match(/BEGIN:VEVENT/g)?.length ?? 0;
    expect(events).toBeGreaterThanOrEqual(39);
    expect(events).toBeLessThanOrEqual(43);

    // Dave is on no schedule: an empty calendar, not an error.
    const daves = await callAs(dave, myFeedRoute, "POST", "/api/v1/schedules/my-calendar-feed");
    const empty = await fetchFeed(userFeedRoute, "users", daves.body!.token as string);
    expect(empty.status).toBe(200);
    expect(empty.text).not.toContain("BEGIN:VEVENT");
    expect((await fetchFeed(scheduleFeedRoute, "schedules", token)).status).toBe(404); // a user token is not a schedule token
  });
});

describe("escalation policies", () => {
  const sev1 = {
    steps: [
      { target: { kind: "primary" }, waitMinutes: 5 },
      { target: { kind: "user", userId: "" }, waitMinutes: 10 },
      { target: { kind: "manager" }, waitMinutes: 15 },
    ],
    repeat: 1,
  };
  const withUser = () => ({ ...sev1, steps: sev1.steps.map((s) => (s.target.kind === "user" ? { ...s, target: { kind: "user", userId: idOf(ben) } } : s)) });
  const put = (ctx: Ctx, body: unknown, severity = "SEV1") =>
    callAs(ctx, putPolicyRoute, "PUT", `/api/v1/teams/${teamId}/escalation-policies/${severity}`, { body, params: { id: teamId, severity } });

  it("falls back to the defaults, marked isDefault, until a manager sets a severity's policy (audited)", async () => {
    const defaults = await getEscalationPolicies(ana, { teamId });
    expect(defaults.map((p) => [p.severity, p.isDefault])).toEqual([
      ["SEV1", true],
      ["SEV2", true],
      ["SEV3", true],
    ]);
    expect(defaults[0]).toMatchObject({ steps: DEFAULT_POLICIES.SEV1.steps, repeat: DEFAULT_POLICIES.SEV1.repeat });

    const res = await put(manager, withUser());
    expect(res).toMatchObject({ status: 200, body: { severity: "SEV1", isDefault: false, repeat: 1 } });
    const read = await callAs(owner, policiesRoute, "GET", `/api/v1/teams/${teamId}/escalation-policies`, { params: { id: teamId } });
    const policies = read.body!.policies as { severity: string; isDefault: boolean; steps: unknown[] }[];
    expect(policies.map((p) => [p.severity, p.isDefault])).toEqual([
      ["SEV1", false],
      ["SEV2", true],
      ["SEV3", true],
    ]);
    expect(policies[0]!.steps).toEqual(withUser().steps);

    const rows = await audits("escalation_policy.");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: idOf(manager), targetType: "team", targetId: teamId, before: null, after: { severity: "SEV1", repeat: 1 } });
  });

  it("resets a severity to the default: the team's row goes, audited once, and a second reset changes nothing", async () => {
    await put(manager, withUser());
    await put(manager, { ...withUser(), repeat: 2 }, "SEV2");
    const reset = (ctx: Ctx, severity = "SEV1") =>
      callAs(ctx, resetPolicyRoute, "DELETE", `/api/v1/teams/${teamId}/escalation-policies/${severity}`, { params: { id: teamId, severity } });

    for (const ctx of [ana, owner]) expect(await reset(ctx)).toMatchObject({ status: 403, body: { error: "forbidden" } });
    expect((await reset(manager, "SEV9")).status).toBe(400);
    const res = await reset(manager);
    expect(res).toMatchObject({ status: 200, body: { severity: "SEV1", isDefault: true, steps: DEFAULT_POLICIES.SEV1.steps, repeat: DEFAULT_POLICIES.SEV1.repeat } });
    expect((await reset(manager)).status).toBe(200);

    const policies = await getEscalationPolicies(owner, { teamId });
    expect(policies.map((p) => [p.severity, p.isDefault, p.repeat])).toEqual([
      ["SEV1", true, DEFAULT_POLICIES.SEV1.repeat],
      ["SEV2", false, 2],
      ["SEV3", true, DEFAULT_POLICIES.SEV3.repeat],
    ]);
    const rows = await audits("escalation_policy.reset");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: idOf(manager), targetId: teamId, before: { severity: "SEV1", repeat: 1 }, after: { severity: "SEV1", default: true } });
    expect((await callAs(manager, resetPolicyRoute, "DELETE", "/x", { params: { id: "no-such-team", severity: "SEV1" } })).status).toBe(404);
  });

  it("refuses invalid policies with 400 naming the field, and on-call engineers and process owners with 403", async () => {
    const cases: [unknown, (string | number)[]][] = [
      [{ ...withUser(), steps: [] }, ["steps"]],
      [{ ...withUser(), steps: [{ target: { kind: "primary" }, waitMinutes: 0 }] }, ["steps", 0, "waitMinutes"]],
      [{ ...withUser(), repeat: 9 }, ["repeat"]],
      [sev1, ["steps", 1, "target", "userId"]],
      [{ ...withUser(), steps: [{ target: { kind: "user", userId: "nobody" }, waitMinutes: 5 }] }, ["steps", 0, "target", "userId"]],
      [{ ...withUser(), steps: [{ target: { kind: "everyone" }, waitMinutes: 5 }] }, ["steps", 0, "target", "kind"]],
    ];
    for (const [body, path] of cases) {
      const res = await put(manager, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((res.body!.issues as { path: (string | number)[] }[]).map((i) => i.path)).toEqual([path]);
    }
    expect((await put(manager, withUser(), "SEV9")).status).toBe(400);
    for (const ctx of [ana, owner]) expect(await put(ctx, withUser())).toMatchObject({ status: 403, body: { error: "forbidden" } });
    expect((await getEscalationPolicies(manager, { teamId })).every((p) => p.isDefault)).toBe(true);
    expect(await audits("escalation_policy.")).toEqual([]);
  });
});

it("keeps hours-long shifts exact across a DST change (America/New_York, 2026-03-08)", async () => {
  const { id } = await createSchedule(manager, {
    name: "Night watch",
    timeZone: "America/New_York",
    layers: [{ level: 1, members: [idOf(ana), idOf(ben)], rotationEvery: 12, rotationUnit: "hours", handoffTime: "08:00", startDate: "2026-03-07" }],
  });
  const timeline = await getScheduleTimeline(ana, { id }, new Date("2026-03-07T13:00:00Z"));
  // Hour-based rotations count elapsed hours: after the spring-forward the handoffs fall at 09:00 and 21:00 local.
  expect(timeline.shifts.slice(0, 4).map((s) => [s.userName, (s.end.getTime() - s.start.getTime()) / HOUR])).toEqual([
    ["Ana Lopez", 12],
    ["Ben Ode", 12],
    ["Ana Lopez", 12],
    ["Ben Ode", 12],
  ]);
});
