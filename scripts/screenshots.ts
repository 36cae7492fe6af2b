/**
 * `npm run screenshots [-- --url http://localhost:3000]`: signs in as the demo users
 * and saves a screenshot of each page to docs/screenshots/ (run against `npm run demo`).
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "@/prisma/demo-catalog";

const { values } = parseArgs({ options: { url: { type: "string", default: "http://localhost:3000" }, out: { type: "string", default: "docs/screenshots" } } });
const base = values.url!;
const out = values.out!;
fs.mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.PLAYWRIGHT_CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});

async function signIn(page: Page, email: string) {
  await page.goto(base);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Overview" }).waitFor();
}

async function shot(page: Page, name: string, url: string, ready: () => Promise<unknown>) {
  await page.goto(`${base}${url}`);
  await ready();
  await page.waitForTimeout(500); // let charts finish their first layout
  await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: true });
  console.log(`saved ${name}.png`);
}

const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
const page = await context.newPage();
await page.goto(base);
await page.screenshot({ path: path.join(out, "sign-in.png") });
await signIn(page, "oncall@flowdeck.local");
await shot(page, "overview", "/", () => page.getByRole("table", { name: "Processes" }).waitFor());
await shot(page, "stuck-cases", "/cases?stuck=true", () => page.getByRole("table", { name: "Stuck cases" }).waitFor());
const firstCase = await page.getByRole("table", { name: "Stuck cases" }).getByRole("link").first().textContent();
await shot(page, "case", `/cases/${encodeURIComponent(firstCase ?? "")}`, () => page.getByRole("table", { name: "Event timeline" }).waitFor());
const restart = page.getByRole("button", { name: "Restart step" });
if (await restart.count()) {
  await restart.click();
  await page.getByRole("dialog").waitFor();
  await page.getByLabel("Reason (kept in the audit log)").fill("reviewer queue lost the case");
  await page.screenshot({ path: path.join(out, "action-dialog.png") });
  console.log("saved action-dialog.png");
  // Send it: the demo engine answers within seconds, and the outbox shows the answer.
  await page.getByRole("dialog").getByRole("button", { name: "Restart" }).click();
  await shot(page, "outbox", "/outbox?view=answered", () => page.getByRole("table", { name: "Commands" }).waitFor({ timeout: 30_000 }));
}
await shot(page, "process", "/processes/loan-approval", () => page.locator(".recharts-surface").first().waitFor());
await shot(page, "incidents", "/incidents?status=all", () => page.getByRole("table", { name: "Incidents" }).waitFor());
// The most urgent incident (the list's first row), with its timeline and runbook.
const incidentHref = await page.getByRole("table", { name: "Incidents" }).getByRole("link").first().getAttribute("href").catch(() => null);
if (incidentHref) await shot(page, "incident", incidentHref, () => page.getByRole("heading", { name: /Runbook|Timeline/ }).first().waitFor());
await context.close();

const owner = await browser.newContext({ viewport: { width: 1440, height: 900 } });
const ownerPage = await owner.newPage();
await signIn(ownerPage, "owner@flowdeck.local");
await ownerPage.goto(`${base}/processes/loan-approval`);
const sloHref = await ownerPage.getByRole("table", { name: "SLOs" }).getByRole("link").first().getAttribute("href");
await shot(ownerPage, "slo", sloHref ?? "/", () => ownerPage.locator(".recharts-surface").first().waitFor());
await shot(ownerPage, "slo-form", "/processes/loan-approval/slos/new", () => ownerPage.getByRole("heading", { name: /New SLO/ }).waitFor());
await owner.close();

const admin = await browser.newContext({ viewport: { width: 1440, height: 900 } });
const adminPage = await admin.newPage();
await signIn(adminPage, "admin@flowdeck.local");
await shot(adminPage, "audit", "/audit", () => adminPage.getByRole("heading", { name: "Audit log" }).waitFor());
await admin.close();

const manager = await browser.newContext({ viewport: { width: 1440, height: 900 } });
const managerPage = await manager.newPage();
await signIn(managerPage, "manager@flowdeck.local");
await shot(managerPage, "teams", "/teams", () => managerPage.getByRole("table", { name: "Teams" }).waitFor());
const teamHref = await managerPage.getByRole("table", { name: "Teams" }).getByRole("link", { name: "Lending" }).getAttribute("href");
await shot(managerPage, "team", teamHref ?? "/teams", () => managerPage.getByRole("figure").first().waitFor());
await manager.close();

const laptop = await browser.newContext({ viewport: { width: 1280, height: 720 } });
const laptopPage = await laptop.newPage();
await signIn(laptopPage, "ops@flowdeck.local");
await shot(laptopPage, "overview-laptop", "/", () => laptopPage.getByRole("table", { name: "Processes" }).waitFor());
await laptop.close();
await browser.close();
