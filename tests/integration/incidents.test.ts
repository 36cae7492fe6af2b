import { beforeEach, describe, expect, it } from "vitest";
import { GET as listIncidentsRoute } from "@/app/api/v1/incidents/route";
import { POST as acknowledgeRoute } from "@/app/api/v1/incidents/[id]/acknowledge/route";
import { signatureMatches } from "@/lib/auth/signature";
import { getDb, type Db } from "@/lib/db";
import type { Ctx } from "@/lib/server/context";
import { acknowledgeIncident } from "@/lib/server/incidents/acknowledge-incident";
import { detectIncidents } from "@/lib/server/incidents/apply-findings";
import { deliverTeamWebhooks } from "@/lib/server/incidents/deliver-team-webhooks";
import { escalateIncidents } from "@/lib/server/incidents/escalate-incidents";
import { getIncident } from "@/lib/server/incidents/get-incident";
import { collectMetrics } from "@/lib/server/metrics/collect-metrics";
import { requestBulkAction } from "@/lib/server/bulk/request-bulk-action";
import { runBulkBatch } from "@/lib/server/bulk/run-bulk-actions";
import { getBulkAction } from "@/lib/server/bulk/list-bulk-actions";
import { POST as ackRoute } from "@/app/api/v1/commands/[id]/ack/route";
import { listInbox } from "@/lib/server/inbox/list-inbox";
import { saveSlo } from "@/lib/server/slos/save-slo";
import type { TEvent } from "@/lib/validation/event";
import { ZSloInput } from "@/lib/validation/slo";
import { createKey, resetDatabase, systemCtx } from "../support/db";
import { ev } from "../support/events";
import { call } from "../support/http";
import { defineLoanApproval, ingestAs, requestId, stalledCase, userCtx } from "../support/outbox";

const MIN = 60_000;
/** The stalled cases' step failures happen between 08:02 and 08:05 (tests/support/outbox.ts). */
const T0 = new Date("2026-11-26T08:06:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * MIN);

let db: Db;
let system: Ctx;
let token: string;
let ana: Ctx; // primary on call of Lending
let ben: Ctx; // secondary
let teamId: string;

/** Lending's schedule: Ana primary and Ben secondary all week, from long before the test. */
async function lendingOnCall() {
  teamId = (await db.team.findUniqueOrThrow({ where: { name: "Lending" } })).id;
  for (const ctx of [ana, ben]) await db.membership.create({ data: { teamId, userId: (ctx.actor as { id: string }).id } });
  await db.schedule.create({
    data: {
      teamId,
      name: "Lending on call",
      timeZone: "Europe/Berlin",
      layers: {
        create: [
          { level: 1, members: [(ana.actor as { id: string }).id], rotationEvery: 1, rotationUnit: "weeks", handoffTime: "09:00", startDate: "2026-01-05" },
          { level: 2, members: [(ben.actor as { id: string }).id], rotationEvery: 1, rotationUnit: "weeks", handoffTime: "09:00", startDate: "2026-01-05" },
        ],
      },
    },
  });
}

/** `n` loan cases whose two credit-check attempts on bureau-a both failed: an outage of bureau-a. */
async function bureauOutage(n = 25, prefix = "out") {
  const events: TEvent[] = [];
  for (let i = 0; i < n; i++) events.push(...stalledCase(`${prefix}-${i}`));
  await ingestAs(token, events);
}

beforeEach(async () => {
  await resetDatabase();
  await defineLoanApproval();
  db = await getDb();
  system = await systemCtx();
  ({ token } = await createKey(["ingest", "commands", "read"]));
  ana = await userCtx("on_call", "ana@flowdeck.test");
  ben = await userCtx("on_call", "ben@flowdeck.test");
  await lendingOnCall();
});

describe("a dependency outage", () => {
  it("opens exactly one incident, assigned to the primary on call, who is notified", async () => {
    await bureauOutage();
    expect(await detectIncidents(system, T0)).toEqual({ opened: 1, updated: 0, resolved: 0 });
    expect(await detectIncidents(system, at(0.5))).toEqual({ opened: 0, updated: 1, resolved: 0 });
    const incidents = await db.incident.findMany({ include: { events: { orderBy: { id: "asc" } } } });
    expect(incidents).toHaveLength(1);
    const incident = incidents[0]!;
    expect(incident).toMatchObject({
      type: "dependency_outage",
      key: "loan-approval:bureau-a",
      severity: "SEV1", // 50 of 50 attempts failed: ≥ 90% at twice the minimum
      status: "open",
      assigneeId: (ana.actor as { id: string }).id,
      affectedCases: 25,
      escalationLevel: 1,
      nextEscalationAt: at(5), // SEV1 default: primary, then 5 minutes
    });
    expect(incident.title).toBe("bureau-a outage in Loan approval: 50 of 50 credit-check attempts failed in 5 min");
    expect(incident.events.map((e) => e.kind)).toEqual(["triggered", "assigned", "notified"]);
    expect(incident.events[1]!.message).toBe("Assigned to Ana, primary on call for Lending");
    const inbox = await listInbox(ana);
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]!.title).toMatch(/^SEV1 incident triggered: bureau-a outage/);
    expect((await listInbox(ben)).unread).toBe(0);
  });

  it("escalates on time while nobody acknowledges, and stops when someone does", async () => {
    await bureauOutage();
    await detectIncidents(system, T0);
    expect(await escalateIncidents(system, new Date(at(5).getTime() - 1000))).toEqual({ fired: 0 });
    expect(await escalateIncidents(system, at(5))).toEqual({ fired: 1 });
    const escalated = await db.incident.findFirstOrThrow({ include: { events: { orderBy: { id: "asc" } } } });
    expect(escalated).toMatchObject({ escalationLevel: 2, assigneeId: (ben.actor as { id: string }).id, nextEscalationAt: at(10) });
    expect(escalated.events.map((e) => e.kind)).toEqual(["triggered", "assigned", "notified", "escalated", "assigned", "notified"]);
    expect((await listInbox(ben)).unread).toBe(1);

    await acknowledgeIncident(ben, { id: escalated.id, note: "rerouting to bureau-b" }, at(7));
    expect(await escalateIncidents(system, at(60))).toEqual({ fired: 0 });
    const acked = await db.incident.findUniqueOrThrow({ where: { id: escalated.id } });
    expect(acked).toMatchObject({ status: "acknowledged", nextEscalationAt: null, acknowledgedById: (ben.actor as { id: string }).id });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "incident.acknowledge" } });
    expect(audit).toMatchObject({ targetId: escalated.id, reason: "rerouting to bureau-b", actorId: (ben.actor as { id: string }).id });
  });

  it("catches up after the worker was down: overdue steps fire in order, the next timed from its due time", async () => {
    await bureauOutage();
    await detectIncidents(system, T0);
    // SEV1 default: primary 5, secondary 5, manager 10 — down until +12: secondary (due +5) and manager (due +10) fire.
    expect(await escalateIncidents(system, at(12))).toEqual({ fired: 2 });
    expect(await db.incident.findFirstOrThrow()).toMatchObject({ escalationLevel: 3, nextEscalationAt: at(20) });
  });

  it("resolves once the provider has recovered for the grace period, and a new outage opens a new incident", async () => {
    await bureauOutage();
    await detectIncidents(system, T0);
    // The failures leave the 5-minute window at 08:10; clear from then, resolved 10 minutes later.
    // (The cases stay in credit-check, so from 08:16 they pile up as stuck: another detector's incident.)
    const outage = { type: "dependency_outage" as const };
    expect(await detectIncidents(system, at(5))).toMatchObject({ resolved: 0 });
    expect((await db.incident.findFirstOrThrow({ where: outage })).clearSince).toEqual(at(5));
    expect(await detectIncidents(system, at(14))).toMatchObject({ resolved: 0 });
    expect(await detectIncidents(system, at(15))).toMatchObject({ resolved: 1 });
    const resolved = await db.incident.findFirstOrThrow({ where: outage, include: { events: { orderBy: { id: "asc" } } } });
    expect(resolved).toMatchObject({ status: "resolved", openKey: null, resolvedAt: at(15), nextEscalationAt: null });
    expect(resolved.events.at(-2)!.kind).toBe("resolved");

    const later: TEvent[] = [];
    for (let i = 0; i < 25; i++) later.push(...stalledCase(`again-${i}`, 60));
    await ingestAs(token, later);
    expect(await detectIncidents(system, at(60))).toMatchObject({ opened: 1 });
    expect(await db.incident.count({ where: outage })).toBe(2);
    expect(await db.incident.count({ where: { type: "stuck_cases" } })).toBe(1);
  });

  it("opens and resolves once when two workers detect at the same time", async () => {
    await bureauOutage();
    const opened = await Promise.all([detectIncidents(system, T0, ["dependency_outage"]), detectIncidents(system, T0, ["dependency_outage"])]);
    expect(opened.map((r) => r.opened).sort()).toEqual([0, 1]);
    await detectIncidents(system, at(5), ["dependency_outage"]);
    const resolved = await Promise.all([detectIncidents(system, at(15), ["dependency_outage"]), detectIncidents(system, at(15), ["dependency_outage"])]);
    expect(resolved.map((r) => r.resolved).sort()).toEqual([0, 1]);
    expect(await db.incident.count()).toBe(1);
    expect(await db.incidentEvent.count({ where: { kind: "resolved" } })).toBe(1);
  });

  it("stays quiet below the thresholds (19 failures)", async () => {
    const events: TEvent[] = [];
    for (let i = 0; i < 19; i++) {
      events.push(ev({ caseId: `q-${i}`, minute: 0, type: "case.started", state: "intake" }));
      events.push(ev({ caseId: `q-${i}`, minute: 2, type: "step.attempted", state: "credit-check", provider: "bureau-a", attempt: 1, idempotencyKey: `q-${i}-1` }));
      events.push(ev({ caseId: `q-${i}`, minute: 3, type: "step.failed", state: "credit-check", provider: "bureau-a", attempt: 1, error: { code: "timeout", message: "t" } }));
    }
    await ingestAs(token, events);
    expect(await detectIncidents(system, T0)).toEqual({ opened: 0, updated: 0, resolved: 0 });
  });
});

describe("metrics", () => {
  it("exports unresolved incidents to Prometheus", async () => {
    await bureauOutage();
    await detectIncidents(system, T0);
    const { body } = await collectMetrics(system, T0);
    expect(body).toContain('flowdeck_incidents_unresolved{process="loan-approval",type="dependency_outage",severity="SEV1",status="open"} 1');
  });
});

describe("the incident page", () => {
  it("shows who each step ahead would reach, and the runbook's steps as concrete actions on the incident's cases", async () => {
    await bureauOutage();
    await detectIncidents(system, T0);
    const { id } = await db.incident.findFirstOrThrow();
    const detail = await getIncident(await userCtx("ops_leader"), { id }, T0);
    expect(detail.escalationAhead[0]).toMatchObject({ target: "the secondary on call", people: ["Ben"], at: at(5).toISOString() });
    expect(detail.runbook?.kind).toBe("dependency_outage");
    const planned = detail.runbook!.sections.flatMap((s) => s.steps.map((step) => step.planned)).filter((p) => p !== null);
    expect(planned).toContainEqual(expect.objectContaining({ kind: "state", type: "pause_starts", state: "credit-check", label: "Pause starts of credit-check" }));
    expect(planned).toContainEqual(expect.objectContaining({ kind: "bulk", type: "reroute", toProvider: "bureau-b", label: "Reroute 25 in-flight cases to bureau-b" }));
    expect(detail.timeline.map((e) => e.kind)).toEqual(["triggered", "assigned", "notified"]);
    expect(detail.cases).toHaveLength(25);
  });
});

describe("an SLO burning on failures", () => {
  it("points the outage runbook's actions at the step failing most in the last hour", async () => {
    await bureauOutage(8);
    const slo = await saveSlo(system, ZSloInput.parse({ name: "Loans succeed", process: "loan-approval", sli: "failure_rate", objective: 95, windowDays: 30 }));
    await db.sloAlert.create({ data: { sloId: slo.id, tier: 1, severity: "page", factor: 6, burnLong: 7, burnShort: 9, budgetRemaining: 0.4, openedAt: T0 } });
    await detectIncidents(system, T0, ["slo_burn"]);
    const { id } = await db.incident.findFirstOrThrow({ where: { type: "slo_burn" } });
    const detail = await getIncident(ana, { id }, T0);
    expect(detail.incident.severity).toBe("SEV2");
    expect(detail.runbook?.kind).toBe("dependency_outage");
    const labels = detail.runbook!.sections.flatMap((s) => s.steps.flatMap((step) => (step.planned ? [step.planned.label] : [])));
    expect(labels).toContain("Reroute 8 in-flight cases to bureau-b");
    expect(labels).toContain("Pause starts of credit-check");
  });
});

describe("responding", () => {
  it("lets on-call acknowledge through the API, refuses other roles with 403 and a second acknowledgement with 409", async () => {
    await bureauOutage();
    await detectIncidents(system, T0);
    const id = (await db.incident.findFirstOrThrow()).id;
    const ops = await userCtx("ops_leader");
    await expect(acknowledgeIncident(ops, { id })).rejects.toMatchObject({ code: "forbidden" });
    expect(await db.auditLog.count({ where: { action: "incident.acknowledge" } })).toBe(0);
    await acknowledgeIncident(ana, { id });
    await expect(acknowledgeIncident(ana, { id })).rejects.toMatchObject({ code: "conflict" });
    const res = await call(acknowledgeRoute, "POST", `/api/v1/incidents/${id}/acknowledge`, { token, params: { id } });
    expect(res.status).toBe(403); // an engine's key may read incidents, not answer them
  });

  it("lists incidents through the API as API.md describes", async () => {
    await bureauOutage();
    await detectIncidents(system, T0);
    const res = await call(listIncidentsRoute, "GET", "/api/v1/incidents?status=open&process=loan-approval", { token });
    expect(res.status).toBe(200);
    const body = res.body as { incidents: Record<string, unknown>[] };
    expect(body.incidents).toHaveLength(1);
    expect(body.incidents[0]).toMatchObject({
      type: "dependency_outage",
      key: "loan-approval:bureau-a",
      process: "loan-approval",
      severity: "SEV1",
      status: "open",
      openedAt: T0.toISOString(),
      assignee: { email: "ana@flowdeck.test" },
      escalationLevel: 1,
      affectedCases: 25,
    });
    const unresolved = await call(listIncidentsRoute, "GET", "/api/v1/incidents?status=unresolved", { token });
    expect((unresolved.body as { incidents: unknown[] }).incidents).toHaveLength(1);
    const resolved = await call(listIncidentsRoute, "GET", "/api/v1/incidents?status=resolved", { token });
    expect((resolved.body as { incidents: unknown[] }).incidents).toHaveLength(0);
    const bad = await call(listIncidentsRoute, "GET", "/api/v1/incidents?status=sleeping", { token });
    expect(bad.status).toBe(400);
  });

  it("records a runbook action on the incident's timeline, and refuses an unknown incident writing nothing", async () => {
    await bureauOutage();
    await detectIncidents(system, T0);
    const incident = await db.incident.findFirstOrThrow();
    const caseIds = (incident.affectedCaseIds as string[]).slice(0, 3);
    const base = { type: "reroute" as const, toProvider: "bureau-b", reason: "bureau-a is down", caseIds };
    await requestBulkAction(ana, { ...base, requestId: requestId(), incidentId: incident.id });
    const action = await db.incidentEvent.findFirstOrThrow({ where: { incidentId: incident.id, kind: "action" } });
    expect(action.message).toBe("Requested reroute of 3 cases to bureau-b — by ana@flowdeck.test");
    await expect(requestBulkAction(ana, { ...base, requestId: requestId(), incidentId: "nope" })).rejects.toMatchObject({ code: "invalid_request" });
    expect(await db.bulkAction.count()).toBe(1);
    // Once the worker has sent the three commands, the runbook offers the other 22 cases.
    await runBulkBatch(system);
    const detail = await getIncident(ana, { id: incident.id }, T0);
    const labels = detail.runbook!.sections.flatMap((s) => s.steps.flatMap((step) => (step.planned ? [step.planned.label] : [])));
    expect(labels).toContain("Reroute 22 in-flight cases to bureau-b");
    // The engine answers one command: the timeline's progress shows what the engines said.
    const bulkId = (action.data as { bulkActionId: string }).bulkActionId;
    const sent = await db.bulkActionItem.findFirstOrThrow({ where: { bulkActionId: bulkId, commandId: { not: null } } });
    const res = await call(ackRoute, "POST", `/api/v1/commands/${sent.commandId}/ack`, { token, body: { status: "succeeded" }, params: { id: sent.commandId! } });
    expect(res.status).toBe(200);
    expect((await getBulkAction(ana, { id: bulkId }))?.outcomes).toEqual({ succeeded: 1, failed: 0, rejected: 0, awaiting: 2 });
  });
});

describe("team webhooks", () => {
  it("posts a signed Slack-compatible message for the team, and retries a failure with backoff", async () => {
    await db.team.update({ where: { id: teamId }, data: { webhookUrl: "https://hooks.example/lending", webhookSecret: "whsec_test" } });
    await bureauOutage();
    await detectIncidents(system, T0);
    const posts: { url: string; body: string; signature: string | null }[] = [];
    let answer = 500;
    const post = (async (url: string, init: RequestInit) => {
      posts.push({ url, body: String(init.body), signature: new Headers(init.headers).get("x-flowdeck-signature") });
      return new Response(null, { status: answer });
    }) as typeof fetch;
    expect(await deliverTeamWebhooks(system, { now: T0, post })).toEqual({ delivered: 0, failed: 1 });
    const retry = await db.teamWebhookDelivery.findFirstOrThrow();
    expect(retry).toMatchObject({ attempts: 1, deliveredAt: null, lastError: "the receiver answered 500", nextAttemptAt: new Date(T0.getTime() + 10_000) });
    answer = 200;
    expect(await deliverTeamWebhooks(system, { now: new Date(T0.getTime() + 5_000), post })).toEqual({ delivered: 0, failed: 0 });
    expect(await deliverTeamWebhooks(system, { now: new Date(T0.getTime() + 10_000), post })).toEqual({ delivered: 1, failed: 0 });
    expect(posts).toHaveLength(2);
    const sent = posts[1]!;
    expect(sent.url).toBe("https://hooks.example/lending");
    expect(signatureMatches("whsec_test", sent.body, sent.signature)).toBe(true);
    const payload = JSON.parse(sent.body) as { text: string; blocks: unknown[] };
    expect(payload.text).toMatch(/^\[SEV1\] Incident triggered: bureau-a outage in Loan approval/);
    expect(payload.blocks.length).toBeGreaterThan(0);
  });
});
