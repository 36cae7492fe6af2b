import { expect, test } from "@playwright/test";
import { completedLoan, signIn } from "./fixtures";

test("a process owner creates an SLO through the form, is told 100% is not an objective, and sees its burn chart", async ({ page, request }) => {
  // History for the chart: loans that finished two to four hours ago, most within an hour.
  for (let i = 0; i < 6; i++) await completedLoan(request, 2 + (i % 3), i === 0 ? 180 : 30);

  await signIn(page, "process_owner");
  await page.goto("/processes/loan-approval");
  await page.getByRole("link", { name: "New SLO" }).click();
  await expect(page.getByRole("heading", { name: "New SLO for Loan approval" })).toBeVisible();

  const name = `Loans within an hour ${Date.now()}`;
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("What to measure").selectOption("cycle_time");
  await page.getByLabel("Target cycle time").selectOption({ label: "1 h" });
  await page.getByLabel("Objective (% good)").fill("100");
  await page.getByRole("button", { name: "Create SLO" }).click();
  await expect(page.getByText("must be less than 100%")).toBeVisible();
  await expect(page.getByLabel("Objective (% good)")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Objective (% good)").fill("90");
  await page.getByRole("button", { name: "Create SLO" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByText("90% complete within 1 h, over 30 days")).toBeVisible();
  // The chart has data: the SLI line is drawn, not the empty state.
  await expect(page.getByText("SLI against the objective (90%)")).toBeVisible();
  await expect(page.locator(".recharts-line-curve").first()).toBeVisible();
  await expect(page.getByText("No events in this range yet")).toHaveCount(0);
  // The tiers are listed with their factors.
  await expect(page.getByRole("table", { name: "Alert tiers" })).toContainText("14.40");
});

test("someone outside the owning team cannot edit SLOs", async ({ page }) => {
  await signIn(page, "on_call");
  await page.goto("/processes/loan-approval");
  await expect(page.getByRole("heading", { name: /Loan approval/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "New SLO" })).toHaveCount(0);
  const response = await page.goto("/processes/loan-approval/slos/new");
  expect(response?.status()).toBe(403);
});
