import { expect, test } from "@playwright/test";
import { completedOrder, signIn, stuckLoan } from "./fixtures";

test("the ops leader sees every process with live counts", async ({ page, request }) => {
  await stuckLoan(request);
  await completedOrder(request);
  await signIn(page, "ops_leader");
  const table = page.getByRole("table", { name: "Processes" });
  await expect(table.getByRole("link", { name: "Loan approval" })).toBeVisible();
  await expect(table.getByRole("link", { name: "Order fulfilment" })).toBeVisible();
  // The stuck loan reaches the overview within a refresh, without reloading.
  await expect(table.getByRole("row", { name: /Loan approval/ }).getByRole("link", { name: /^\d+ stuck$/ })).toBeVisible();
  await expect(page.getByText(/Live · updated/)).toBeVisible();
});

test("on-call filters the stuck list by process, opens a case and reads its timeline", async ({ page, request }) => {
  const caseId = await stuckLoan(request);
  await signIn(page, "on_call");
  await page.getByRole("link", { name: "Stuck cases" }).click();
  await expect(page.getByRole("heading", { name: "Stuck cases" })).toBeVisible();

  await page.getByLabel("Process").selectOption("loan-approval");
  await expect(page).toHaveURL(/process=loan-approval/);
  const table = page.getByRole("table", { name: "Stuck cases" });
  await expect(table.getByRole("link", { name: caseId })).toBeVisible();
  await expect(table.getByRole("row", { name: new RegExp(caseId) })).toContainText("manual-review");

  await table.getByRole("link", { name: caseId }).click();
  await expect(page.getByRole("heading", { name: new RegExp(caseId) })).toBeVisible();
  await expect(page.getByText("Stuck", { exact: true })).toBeVisible();
  const timeline = page.getByRole("table", { name: "Event timeline" });
  await expect(timeline.getByRole("row")).toHaveCount(8); // header + 7 events
  await expect(timeline).toContainText("bureau-a timed out");
  await expect(page.getByText(`${caseId}:cc`).first()).toBeVisible();
});

test("the stuck list's filters live in the URL, so a link shares them", async ({ page, request }) => {
  const caseId = await stuckLoan(request);
  await signIn(page, "on_call");
  await page.goto("/cases?stuck=true&process=loan-approval&state=manual-review&minInState=4h");
  await expect(page.getByLabel("State", { exact: true })).toHaveValue("manual-review");
  await expect(page.getByLabel("Time in state")).toHaveValue("4h");
  await expect(page.getByRole("table", { name: "Stuck cases" }).getByRole("link", { name: caseId })).toBeVisible();
});

test("a process page shows its backlog by state", async ({ page, request }) => {
  await stuckLoan(request);
  await signIn(page, "process_owner");
  await page.goto("/processes/loan-approval");
  await expect(page.getByRole("heading", { name: "Loan approval" })).toBeVisible();
  await expect(page.getByText("Backlog: open cases per state")).toBeVisible();
  await expect(page.locator(".recharts-area").first()).toBeVisible();
  await page.getByRole("button", { name: "7d" }).click();
  await expect(page.getByRole("button", { name: "7d" })).toHaveAttribute("aria-pressed", "true");
});
