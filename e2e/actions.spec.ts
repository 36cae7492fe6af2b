import { expect, test, type APIRequestContext } from "@playwright/test";
import { apiKey, postEvents, signIn, stuckLoan } from "./fixtures";

type EngineCommand = { id: string; type: string; caseId?: string; state?: string; idempotencyKey?: string };

/** Plays the engine: pulls its commands (GET /api/v1/commands). */
async function pullCommands(request: APIRequestContext): Promise<EngineCommand[]> {
  const res = await request.get("/api/v1/commands?limit=100", { headers: { authorization: `Bearer ${apiKey()}` } });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { commands: EngineCommand[] }).commands;
}

async function ack(request: APIRequestContext, id: string, status: "succeeded" | "failed" | "rejected") {
  const res = await request.post(`/api/v1/commands/${id}/ack`, { data: { status }, headers: { authorization: `Bearer ${apiKey()}` } });
  expect(res.status()).toBe(200);
}

test("on-call restarts a stuck case's step, and sees the command succeed and the case leave the stuck list", async ({ page, request }) => {
  const caseId = await stuckLoan(request);
  await signIn(page, "on_call");
  await page.goto(`/cases?stuck=true&process=loan-approval`);
  await page.getByRole("link", { name: caseId }).click();
  await expect(page.getByRole("heading", { name: new RegExp(caseId) })).toBeVisible();

  await page.getByRole("button", { name: "Restart step" }).click();
  const dialog = page.getByRole("dialog", { name: `Restart step: ${caseId}` });
  await expect(dialog).toContainText("manual-review");
  await dialog.getByLabel("Reason (kept in the audit log)").fill("reviewer queue lost the case");
  await dialog.getByRole("button", { name: "Restart" }).click();
  await expect(dialog).toBeHidden();

  const commands = page.getByRole("list").filter({ hasText: "Restart manual-review" });
  await expect(commands).toContainText("Requested");

  // The engine picks the command up, does the step again, moves the case on, and says so.
  const command = (await pullCommands(request)).find((c) => c.caseId === caseId);
  expect(command).toMatchObject({ type: "restart_step", state: "manual-review" });
  // Now, not in the past: the outcome compares these events with when the command was requested.
  await postEvents(request, caseId, "loan-approval", [
    { type: "case.waiting", state: "manual-review", minutesAgo: 0 },
    { type: "case.state_entered", state: "disbursement", minutesAgo: 0 },
  ].map((e, i) => ({ ...e, id: `${caseId}-fix-${i}` })));
  await ack(request, command!.id, "succeeded");

  await expect(commands).toContainText("Succeeded");
  await expect(commands).toContainText("moved on to disbursement");
  await expect(page.getByText("Stuck", { exact: true })).toHaveCount(0);

  await page.goto(`/cases?stuck=true&process=loan-approval`);
  await expect(page.getByRole("heading", { name: "Stuck cases" })).toBeVisible();
  await expect(page.getByRole("link", { name: caseId })).toHaveCount(0);
});

test("a double click sends one command", async ({ page, request }) => {
  const caseId = await stuckLoan(request);
  await signIn(page, "on_call");
  await page.goto(`/cases/${caseId}`);
  await page.getByRole("button", { name: "Cancel case" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Reason (kept in the audit log)").fill("duplicate application");
  await dialog.getByRole("button", { name: "Cancel", exact: true }).dblclick();
  await expect(page.getByRole("list").filter({ hasText: "cancel" })).toContainText("Requested");
  const mine = (await pullCommands(request)).filter((c) => c.caseId === caseId);
  expect(mine).toHaveLength(1);
  await ack(request, mine[0]!.id, "rejected");
});

test("the ops leader sees no action buttons", async ({ page, request }) => {
  const caseId = await stuckLoan(request);
  await signIn(page, "ops_leader");
  await page.goto(`/cases/${caseId}`);
  await expect(page.getByRole("table", { name: "Event timeline" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Restart|Reroute|Compensate|Cancel case|Move/ })).toHaveCount(0);
  // And the server refuses the action even without the button.
  const res = await page.request.post(`/api/v1/cases/${caseId}/commands`, {
    data: { type: "cancel", requestId: "ops-leader-tries-1", reason: "not mine to do" },
  });
  expect(res.status()).toBe(403);
});

test("the outbox follows a command from request to the engine's answer", async ({ page, request }) => {
  const caseId = await stuckLoan(request);
  await signIn(page, "on_call");
  await page.goto(`/cases/${caseId}`);
  await page.getByRole("button", { name: "Restart step" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Reason (kept in the audit log)").fill("reviewer queue lost the case");
  await dialog.getByRole("button", { name: "Restart" }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole("link", { name: /^Outbox/ }).click();
  await page.getByRole("tab", { name: /In flight/ }).click();
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: caseId }) });
  await expect(row).toContainText("Restart manual-review");
  await expect(row).toContainText("Waiting for the engine");
  await expect(row).toContainText("reviewer queue lost the case");

  // The engine fetches it: delivered, waiting for the answer.
  const command = (await pullCommands(request)).find((c) => c.caseId === caseId);
  await expect(row).toContainText("Delivered");
  await ack(request, command!.id, "succeeded");

  await expect(row).toHaveCount(0);
  await page.getByRole("tab", { name: /Answered/ }).click();
  await expect(page).toHaveURL(/view=answered/);
  await expect(page.getByRole("row").filter({ has: page.getByRole("link", { name: caseId }) })).toContainText("Succeeded");
  await page.getByRole("tab", { name: /Dead letter/ }).click();
  await expect(page.getByText("The dead letter is empty")).toBeVisible();
});
