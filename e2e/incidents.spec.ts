import { expect, test, type APIRequestContext } from "@playwright/test";
import { apiKey, postEvents, providerOutage, signIn, signOut, uniqueId } from "./fixtures";

type EngineCommand = { id: string; type: string; caseId?: string; params: { toProvider?: string } };

/** Plays the engine: pulls its commands and acknowledges one. */
async function pullCommands(request: APIRequestContext): Promise<EngineCommand[]> {
  const res = await request.get("/api/v1/commands?limit=100", { headers: { authorization: `Bearer ${apiKey()}` } });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { commands: EngineCommand[] }).commands;
}

async function ack(request: APIRequestContext, id: string) {
  const res = await request.post(`/api/v1/commands/${id}/ack`, { data: { status: "succeeded" }, headers: { authorization: `Bearer ${apiKey()}` } });
  expect(res.status()).toBe(200);
}

const CASES = 10;

test("a bureau-a outage pages the on-call engineer, who acknowledges it, reroutes from the runbook and sees it resolve", async ({ page, request }) => {
  // Detection (10 s), the user's work, the failures leaving the outage window (10 minutes
  // for loans in the demo seed, prisma/demo-catalog.ts), the grace period.
  test.setTimeout(200_000);
  // Failed 8 minutes ago: the outage is seen at once and its failures leave the window two
  // minutes later, time enough for the user's work even on a slow machine.
  const caseIds = await providerOutage(request, {
    process: "loan-approval",
    version: "1.4.0",
    firstState: "intake",
    state: "credit-check",
    provider: "bureau-a",
    cases: CASES,
    minutesAgo: 8,
    prefix: "LA-OUT",
  });

  await signIn(page, "on_call");
  // The inbox: the assignee is told, with a link to the (still open) incident.
  await page.getByRole("button", { name: /^Notifications/ }).click();
  const inbox = page.getByRole("region", { name: "Notifications" });
  const notice = inbox
    .getByRole("listitem")
    .filter({ hasText: /incident triggered: bureau-a outage in Loan approval/ })
    .filter({ hasText: "Open" })
    .first();
  await expect(notice).toBeVisible({ timeout: 30_000 });
  const href = await notice.getByRole("link").getAttribute("href");
  expect(href).toMatch(/^\/incidents\/.+/);
  await page.keyboard.press("Escape");

  // The incident list: unresolved by default, assigned to the primary on call.
  await page.getByRole("link", { name: /^Incidents/ }).click();
  await expect(page.getByRole("heading", { name: "Incidents" })).toBeVisible();
  const row = page.getByRole("table", { name: "Incidents" }).getByRole("row").filter({ has: page.locator(`a[href="${href}"]`) });
  await expect(row).toContainText("Chen Oncall");
  await expect(row).toContainText("Open");
  await row.getByRole("link", { name: /bureau-a outage/ }).click();

  await expect(page.getByRole("heading", { level: 1, name: /bureau-a outage in Loan approval/ })).toBeVisible();
  const timeline = page.getByRole("list", { name: "Incident timeline" });
  await expect(timeline).toContainText("Assigned to Chen Oncall, primary on call for Lending");

  await page.getByRole("button", { name: "Acknowledge", exact: true }).click();
  await expect(timeline).toContainText("Acknowledged by oncall@flowdeck.local: escalation stopped");
  await expect(page.getByRole("button", { name: "Acknowledge", exact: true })).toHaveCount(0);

  // The runbook's Mitigate step offers the reroute, pre-filled with the cases on bureau-a.
  await page.getByRole("button", { name: `Reroute ${CASES} in-flight cases to bureau-b` }).click();
  const dialog = page.getByRole("dialog", { name: `Reroute ${CASES} in-flight cases to bureau-b` });
  await expect(dialog).toContainText("Provider to use: bureau-b");
  await dialog.getByLabel("Reason (kept in the audit log)").fill("bureau-a is down, bureau-b is healthy");
  await dialog.getByRole("button", { name: `Reroute ${CASES} cases to bureau-b` }).click();
  await expect(dialog).toBeHidden();

  const action = timeline.getByRole("listitem").filter({ hasText: `Requested reroute of ${CASES} cases to bureau-b` });
  await expect(action).toContainText("by oncall@flowdeck.local");
  await expect(action).toContainText(`${CASES} sent · 0 skipped · 0 to go`);

  // The engine reroutes: each case retries credit-check on bureau-b, succeeds and moves on.
  const commands = (await pullCommands(request)).filter((c) => c.caseId && caseIds.includes(c.caseId));
  expect(commands).toHaveLength(CASES);
  for (const command of commands) {
    expect(command).toMatchObject({ type: "reroute", params: { toProvider: "bureau-b" } });
    const caseId = command.caseId!;
    await postEvents(
      request,
      caseId,
      "loan-approval",
      [
        { type: "step.attempted", state: "credit-check", provider: "bureau-b", attempt: 2, idempotencyKey: `${caseId}:credit-check`, minutesAgo: 0 },
        { type: "step.succeeded", state: "credit-check", provider: "bureau-b", attempt: 2, idempotencyKey: `${caseId}:credit-check`, minutesAgo: 0 },
        { type: "case.waiting", state: "manual-review", minutesAgo: 0 },
      ].map((e, i) => ({ ...e, id: `${caseId}-reroute-${i}` })),
    );
    await ack(request, command.id);
  }

  // Once the failures are out of the window and the grace period passed, it resolves by itself.
  await expect(timeline).toContainText("Resolved automatically", { timeout: 170_000 });
  await expect(page.getByRole("button", { name: "Resolve" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Reassign" })).toHaveCount(0);
});

test("the ops leader sees an incident but cannot acknowledge it", async ({ page, request }) => {
  test.setTimeout(60_000); // the outage detector runs every 10 s
  // A process of its own (created on first sight, no owner), so no other test sees this outage.
  const process = uniqueId("e2e-outage").toLowerCase();
  await providerOutage(request, { process, version: "1.0.0", state: "charge", provider: "acme-pay", cases: 20, minutesAgo: 1, prefix: "PAY-OUT" });

  await signIn(page, "ops_leader");
  await expect(page.getByRole("link", { name: /^Incidents/ })).toBeVisible();
  await page.goto(`/incidents?process=${process}&status=all`);
  const link = page.getByRole("table", { name: "Incidents" }).getByRole("link", { name: /acme-pay outage/ });
  await expect(link).toBeVisible({ timeout: 30_000 });
  await link.click();

  await expect(page.getByRole("heading", { level: 1, name: /acme-pay outage/ })).toBeVisible();
  await expect(page.getByRole("list", { name: "Incident timeline" })).toContainText("has no owning team");
  await expect(page.getByRole("button", { name: /Acknowledge|Escalate now|Reassign|Resolve/ })).toHaveCount(0);
  // Runbook actions are shown, but not offered to a role that cannot act on cases.
  await expect(page.getByRole("button", { name: /Pause starts of charge/ })).toBeDisabled();

  // And the server refuses even without the button.
  const id = page.url().split("/incidents/")[1];
  const res = await page.request.post(`/api/v1/incidents/${id}/acknowledge`, { data: {} });
  expect(res.status()).toBe(403);
});

test("a runbook action over 25 cases waits for a second person, who approves it on the incident page", async ({ page, request }) => {
  test.setTimeout(90_000); // the outage detector runs every 10 s
  const cases = 30;
  const caseIds = await providerOutage(request, {
    process: "order-fulfilment",
    version: "2.1.0",
    state: "payment",
    provider: "stripe-like",
    cases,
    minutesAgo: 1,
    prefix: "ORD-OUT",
  });

  await signIn(page, "on_call");
  await page.goto("/incidents?process=order-fulfilment");
  const link = page.getByRole("table", { name: "Incidents" }).getByRole("link", { name: /stripe-like outage/ });
  await expect(link).toBeVisible({ timeout: 30_000 });
  await link.click();
  await expect(page.getByRole("heading", { level: 1, name: /stripe-like outage/ })).toBeVisible();
  const incidentUrl = page.url();

  await page.getByRole("button", { name: `Reroute ${cases} in-flight cases to adyen-like` }).click();
  const dialog = page.getByRole("dialog", { name: `Reroute ${cases} in-flight cases to adyen-like` });
  await dialog.getByLabel("Reason (kept in the audit log)").fill("stripe-like is failing every charge");
  await dialog.getByRole("button", { name: `Reroute ${cases} cases to adyen-like` }).click();
  await expect(dialog).toBeHidden();

  // Over 25 cases: nothing goes out until a second person approves; the requester cannot.
  const timeline = page.getByRole("list", { name: "Incident timeline" });
  const action = timeline.getByRole("listitem").filter({ hasText: `Requested reroute of ${cases} cases to adyen-like` });
  await expect(action).toContainText("Waiting for a second person's approval");
  await expect(action).toContainText(`0 sent · 0 skipped · ${cases} to go`);
  await expect(action.getByRole("button", { name: "Approve" })).toHaveCount(0);
  const before = (await pullCommands(request)).filter((c) => c.caseId && caseIds.includes(c.caseId));
  expect(before).toHaveLength(0);

  await signOut(page);
  await signIn(page, "admin");
  await page.goto(incidentUrl);
  const pending = page.getByRole("list", { name: "Incident timeline" }).getByRole("listitem").filter({ hasText: `Requested reroute of ${cases} cases to adyen-like` });
  await pending.getByRole("button", { name: "Approve" }).click();
  await expect(pending).toContainText(`${cases} sent · 0 skipped · 0 to go`, { timeout: 20_000 });

  // The engine gets one reroute per case.
  const commands = (await pullCommands(request)).filter((c) => c.caseId && caseIds.includes(c.caseId));
  expect(commands).toHaveLength(cases);
  expect(commands.every((c) => c.type === "reroute" && c.params.toProvider === "adyen-like")).toBe(true);
});
