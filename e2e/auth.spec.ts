import { expect, test } from "@playwright/test";
import { PASSWORD, signIn, signOut, submitSignIn, USERS, type DemoRole } from "./fixtures";

const ROLE_LABEL: Record<DemoRole, string> = {
  admin: "Admin",
  ops_leader: "Operations leader",
  process_owner: "Process owner",
  on_call: "On-call engineer",
  manager: "Manager",
};

for (const role of Object.keys(USERS) as DemoRole[]) {
  test(`${role} signs in and out`, async ({ page }) => {
    await signIn(page, role);
    await expect(page.getByText(ROLE_LABEL[role], { exact: true })).toBeVisible();
    await signOut(page);
  });
}

test("a wrong password is refused with a message", async ({ page }) => {
  await page.goto("/");
  await submitSignIn(page, USERS.manager, `${PASSWORD}-wrong`);
  await expect(page.getByText("The email or password is not right.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Overview" })).toHaveCount(0);
});

test("a signed-out visitor is sent to sign in and brought back afterwards", async ({ page }) => {
  await page.goto("/cases?stuck=true");
  await expect(page.getByLabel("Email")).toBeVisible();
  await expect(page).toHaveURL(/callbackUrl=/);
  await submitSignIn(page, USERS.on_call);
  await expect(page.getByRole("heading", { name: "Stuck cases" })).toBeVisible();
});

test("the API answers 401 without a key or session", async ({ request }) => {
  const res = await request.get("/api/v1/cases");
  expect(res.status()).toBe(401);
  expect(await res.json()).toMatchObject({ error: "unauthorized" });
});

test("a role without permission gets 403 on the audit log", async ({ page }) => {
  await signIn(page, "ops_leader");
  await expect(page.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  const response = await page.goto("/audit");
  expect(response?.status()).toBe(403);
  await expect(page.getByText("403 · Forbidden")).toBeVisible();
});

test("an admin sees the audit log", async ({ page }) => {
  await signIn(page, "admin");
  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Audit entries" })).toContainText("user.create");
});
