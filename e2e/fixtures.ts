import fs from "node:fs";
import path from "node:path";
import { expect, type APIRequestContext, type Page } from "@playwright/test";

export const PASSWORD = "flowdeck-demo";
export const USERS = {
  admin: "admin@flowdeck.local",
  ops_leader: "ops@flowdeck.local",
  process_owner: "owner@flowdeck.local",
  on_call: "oncall@flowdeck.local",
  manager: "manager@flowdeck.local",
} as const;
export type DemoRole = keyof typeof USERS;

/** The e2e server's engine key (scripts/e2e-server.ts writes it). */
export function apiKey(): string {
  const dir = path.resolve(process.env.E2E_DATA_DIR ?? ".flowdeck-e2e");
  return fs.readFileSync(path.join(dir, "e2e-api-key"), "utf8").trim();
}

let counter = 0;
/** An id no other test uses, so tests never see each other's cases. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${process.pid}-${++counter}`;
}

/** Fills in and submits the sign-in form. */
export async function submitSignIn(page: Page, email: string, password = PASSWORD) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in as a demo role and waits until the overview shows. */
export async function signIn(page: Page, role: DemoRole) {
  await page.goto("/");
  await submitSignIn(page, USERS[role]);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
}

/** Signs out from the header and waits until the sign-in form shows (sign-out is a round trip). */
export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByLabel("Password")).toBeVisible();
}

type EventInput = Record<string, unknown> & { type: string; minutesAgo: number };

/** Reports events as an engine would, through the public API. */
export async function postEvents(request: APIRequestContext, caseId: string, process: string, events: EventInput[]) {
  const body = {
    events: events.map(({ minutesAgo, ...e }, i) => ({
      id: `${caseId}-e${i}`,
      caseId,
      process,
      at: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
      ...e,
    })),
  };
  const res = await request.post("/api/v1/events", { data: body, headers: { authorization: `Bearer ${apiKey()}` } });
  expect(res.status(), await res.text()).toBe(202);
}

/** A loan case waiting in manual review for five hours: stuck (its threshold is four). */
export async function stuckLoan(request: APIRequestContext, caseId = uniqueId("LA-E2E")) {
  await postEvents(request, caseId, "loan-approval", [
    { type: "case.started", processVersion: "1.4.0", state: "intake", minutesAgo: 320 },
    { type: "case.state_entered", state: "credit-check", minutesAgo: 318 },
    { type: "step.attempted", state: "credit-check", provider: "bureau-a", attempt: 1, idempotencyKey: `${caseId}:cc`, minutesAgo: 317 },
    { type: "step.failed", state: "credit-check", provider: "bureau-a", attempt: 1, idempotencyKey: `${caseId}:cc`, error: { code: "timeout", message: "bureau-a timed out" }, minutesAgo: 316 },
    { type: "step.attempted", state: "credit-check", provider: "bureau-a", attempt: 2, idempotencyKey: `${caseId}:cc`, minutesAgo: 310 },
    { type: "step.succeeded", state: "credit-check", provider: "bureau-a", attempt: 2, idempotencyKey: `${caseId}:cc`, minutesAgo: 309 },
    { type: "case.waiting", state: "manual-review", minutesAgo: 300 },
  ]);
  return caseId;
}

/** An order that completed normally. */
export async function completedOrder(request: APIRequestContext, caseId = uniqueId("ORD-E2E")) {
  await postEvents(request, caseId, "order-fulfilment", [
    { type: "case.started", processVersion: "2.1.0", state: "payment", minutesAgo: 90 },
    { type: "step.attempted", state: "payment", provider: "stripe-like", attempt: 1, idempotencyKey: `${caseId}:pay`, minutesAgo: 89 },
    { type: "step.succeeded", state: "payment", provider: "stripe-like", attempt: 1, idempotencyKey: `${caseId}:pay`, minutesAgo: 88 },
    { type: "case.waiting", state: "pick", minutesAgo: 80 },
    { type: "case.waiting", state: "pack", minutesAgo: 60 },
    { type: "case.state_entered", state: "ship", minutesAgo: 50 },
    { type: "case.state_entered", state: "delivered", minutesAgo: 10 },
    { type: "case.completed", minutesAgo: 9 },
  ]);
  return caseId;
}

/** A loan case that completed `hoursAgo` hours ago, after `minutes` minutes. */
export async function completedLoan(request: APIRequestContext, hoursAgo: number, minutes: number, caseId = uniqueId("LA-DONE")) {
  const end = hoursAgo * 60;
  await postEvents(request, caseId, "loan-approval", [
    { type: "case.started", processVersion: "1.4.0", state: "intake", minutesAgo: end + minutes },
    { type: "case.state_entered", state: "credit-check", minutesAgo: end + minutes - 1 },
    { type: "case.waiting", state: "manual-review", minutesAgo: end + minutes - 2 },
    { type: "case.state_entered", state: "disbursement", minutesAgo: end + 1 },
    { type: "case.completed", minutesAgo: end },
  ]);
  return caseId;
}

/**
 * A provider outage as an engine reports it, in one batch: `cases` cases whose attempt
 * of `state` on `provider` failed `minutesAgo` minutes ago and that still wait in that state.
 */
export async function providerOutage(
  request: APIRequestContext,
  o: { process: string; version: string; firstState?: string; state: string; provider: string; cases: number; minutesAgo: number; prefix: string },
): Promise<string[]> {
  const at = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
  const ids = Array.from({ length: o.cases }, () => uniqueId(o.prefix));
  const events = ids.flatMap((caseId) => {
    const base = { caseId, process: o.process };
    const step = { ...base, state: o.state, provider: o.provider, attempt: 1, idempotencyKey: `${caseId}:${o.state}` };
    return [
      { ...base, id: `${caseId}-start`, type: "case.started", processVersion: o.version, state: o.firstState ?? o.state, at: at(o.minutesAgo + 0.3) },
      ...(o.firstState ? [{ ...base, id: `${caseId}-enter`, type: "case.state_entered", state: o.state, at: at(o.minutesAgo + 0.2) }] : []),
      { ...step, id: `${caseId}-try`, type: "step.attempted", at: at(o.minutesAgo + 0.1) },
      { ...step, id: `${caseId}-fail`, type: "step.failed", error: { code: "timeout", message: `${o.provider} timed out` }, at: at(o.minutesAgo) },
    ];
  });
  const res = await request.post("/api/v1/events", { data: { events }, headers: { authorization: `Bearer ${apiKey()}` } });
  expect(res.status(), await res.text()).toBe(202);
  return ids;
}

/** The calendar date in `timeZone` (YYYY-MM-DD), `days` days from today there. */
export function localDate(timeZone: string, days = 0, now = new Date()): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Demo users' ids by email, read from the teams list (the demo teams hold every on-call engineer). */
export async function userIds(request: APIRequestContext, emails: string[]): Promise<string[]> {
  const res = await request.get("/api/v1/teams");
  expect(res.status(), await res.text()).toBe(200);
  const { teams } = (await res.json()) as { teams: { members: { id: string; email: string }[] }[] };
  const people = new Map(teams.flatMap((t) => t.members.map((m) => [m.email, m.id] as const)));
  return emails.map((email) => {
    const id = people.get(email);
    expect(id, `${email} is in no team`).toBeTruthy();
    return id!;
  });
}

/**
 * A team of its own whose members rotate weekly on the primary layer (handoffs at 09:00
 * Europe/Berlin, first shift yesterday, so the first of `rotation` is on call now).
 * `request` must be signed in as a manager or an admin (e.g. `page.request` after signIn).
 */
export async function teamWithRotation(request: APIRequestContext, rotation: string[], name = uniqueId("E2E team")) {
  const members = await userIds(request, rotation);
  const team = await request.post("/api/v1/teams", { data: { name, members: members.map((userId) => ({ userId, role: "member" })) } });
  expect(team.status(), await team.text()).toBe(201);
  const teamId = ((await team.json()) as { id: string }).id;
  const startDate = localDate("Europe/Berlin", -1);
  const schedule = await request.post("/api/v1/schedules", {
    data: { teamId, name: `${name} rota`, timeZone: "Europe/Berlin", layers: [{ level: 1, members, rotationEvery: 1, rotationUnit: "weeks", handoffTime: "09:00", startDate }] },
  });
  expect(schedule.status(), await schedule.text()).toBe(201);
  return { teamId, scheduleId: ((await schedule.json()) as { id: string }).id, name, startDate };
}
