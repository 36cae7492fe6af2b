import { expect, test, type Page } from "@playwright/test";
import { DateTime } from "luxon";
import { localDate, signIn, teamWithRotation, uniqueId, userIds, USERS } from "./fixtures";

// The demo's schedules, and the ones these tests make, hand over in Berlin time.
const ZONE = "Europe/Berlin";

/** An instant as the timeline and the overrides list write it: "Thu 27 Nov, 09:00" in Berlin. */
const shown = (dt: DateTime) => dt.setZone(ZONE).setLocale("en-GB").toFormat("ccc d LLL, HH:mm");
/** A wall-clock time in Berlin: the date `days` from today there, at `time`. */
const berlin = (days: number, time: string) => DateTime.fromISO(`${localDate(ZONE, days)}T${time}`, { zone: ZONE });
/** The weekly handoff at 09:00 Berlin, `weeks` weeks after a rotation's first day. */
const handoff = (startDate: string, weeks: number) => DateTime.fromISO(`${startDate}T09:00`, { zone: ZONE }).plus({ weeks });

/** "Primary" or "Secondary" in the team's "On call now" card: the name and until when. */
function onCallNow(page: Page, level: "Primary" | "Secondary") {
  const card = page.locator("section").filter({ has: page.getByRole("heading", { name: "On call now" }) });
  return card.locator("dl > div").filter({ has: page.getByText(level, { exact: true }) });
}

/** The shifts of the primary row of the 14-day timeline, earliest first. */
const primaryShifts = (page: Page) => page.getByRole("list", { name: "Primary shifts" }).getByRole("listitem");

test("a manager sets up a team's rotation, reorders it, and the timeline and who is on call now follow", async ({ page }) => {
  await signIn(page, "manager");
  const nav = page.getByRole("navigation", { name: "Main" });

  // The demo's Lending team: Chen is the primary on call now. Looked at, never changed
  // (other specs page Chen through it).
  await nav.getByRole("link", { name: "Teams" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Teams" })).toBeVisible();
  await page.getByRole("table", { name: "Teams" }).getByRole("link", { name: "Lending", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Lending" })).toBeVisible();
  await expect(onCallNow(page, "Primary")).toContainText("Chen Oncall");
  await expect(primaryShifts(page).first()).toContainText("Chen Oncall");
  await expect(page.getByRole("button", { name: "Edit rotation" })).toBeVisible();

  // A team of this test's own, so the rotation it edits is nobody else's.
  await nav.getByRole("link", { name: "Teams" }).click();
  await page.getByRole("button", { name: "New team" }).click();
  const dialog = page.getByRole("dialog", { name: "New team" });
  const name = uniqueId("Rota team");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(onCallNow(page, "Primary")).toHaveCount(0);
  await expect(page.getByText("No on-call schedule yet").first()).toBeVisible();

  for (const label of ["Ana Lopez (ana@flowdeck.local)", "Chen Oncall (oncall@flowdeck.local)"]) {
    await page.getByLabel("Add a member").selectOption({ label });
  }
  await page.getByRole("button", { name: "Save members" }).click();

  // With members, the page offers the schedule; the rotation starts with the first members.
  await expect(page.getByRole("button", { name: "Create schedule" })).toBeVisible();
  const order = page.getByRole("list", { name: "Rotation order" });
  await expect(order.getByRole("listitem")).toHaveText([/Ana Lopez/, /Chen Oncall/]);
  await page.getByLabel("Schedule name").fill(`${name} rota`);
  await page.getByRole("button", { name: "Move Chen Oncall up" }).click();
  await expect(order.getByRole("listitem")).toHaveText([/Chen Oncall/, /Ana Lopez/]);
  await expect(page.getByLabel("Handoff time (local)")).toHaveValue("09:00");
  // Weekly from yesterday: the first of the rotation holds the shift running now.
  const start = localDate(ZONE, -1);
  await page.getByLabel("First shift on").fill(start);
  await page.getByRole("button", { name: "Create schedule" }).click();

  const layers = page.getByRole("list", { name: "Layers" });
  await expect(layers).toContainText("Primary: Chen Oncall → Ana Lopez");
  await expect(layers).toContainText(`Hands over every week at 09:00, from ${start} (${ZONE})`);
  await expect(onCallNow(page, "Primary")).toContainText("Chen Oncall");
  await expect(onCallNow(page, "Secondary")).toContainText("Nobody");
  // Chen until the first handoff a week after the start, then Ana for a week, then Chen again.
  const firstHandoff = shown(handoff(start, 1));
  const secondHandoff = shown(handoff(start, 2));
  await expect(primaryShifts(page)).toHaveCount(3);
  await expect(primaryShifts(page).nth(0)).toContainText(`Chen Oncall, `);
  await expect(primaryShifts(page).nth(0)).toContainText(`– ${firstHandoff}`);
  await expect(primaryShifts(page).nth(1)).toContainText(`Ana Lopez, ${firstHandoff} – ${secondHandoff}`);
  await expect(primaryShifts(page).nth(2)).toContainText(`Chen Oncall, ${secondHandoff} – `);

  // The manager puts Ana first: she takes the running shift, Chen the next one.
  await page.getByRole("button", { name: "Edit rotation" }).click();
  await expect(order.getByRole("listitem")).toHaveText([/Chen Oncall/, /Ana Lopez/]);
  await page.getByRole("button", { name: "Move Ana Lopez up" }).click();
  await page.getByRole("button", { name: "Save rotation" }).click();

  await expect(page.getByRole("button", { name: "Save rotation" })).toHaveCount(0);
  await expect(layers).toContainText("Primary: Ana Lopez → Chen Oncall");
  await expect(onCallNow(page, "Primary")).toContainText("Ana Lopez");
  await expect(onCallNow(page, "Primary")).not.toContainText("Chen Oncall");
  await expect(primaryShifts(page)).toHaveCount(3);
  await expect(primaryShifts(page).nth(0)).toContainText(`Ana Lopez, `);
  await expect(primaryShifts(page).nth(0)).toContainText(`– ${firstHandoff}`);
  await expect(primaryShifts(page).nth(1)).toContainText(`Chen Oncall, ${firstHandoff} – ${secondHandoff}`);
  await expect(primaryShifts(page).nth(2)).toContainText(`Ana Lopez, ${secondHandoff} – `);

  // The teams list agrees.
  await nav.getByRole("link", { name: "Teams" }).click();
  const row = page.getByRole("table", { name: "Teams" }).getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });
  await expect(row).toContainText("Ana Lopez (primary)");
});

test("a manager adds an override and the timeline shows it, outlined as an override", async ({ page }) => {
  await signIn(page, "manager");
  const { teamId, startDate } = await teamWithRotation(page.request, [USERS.on_call, "ana@flowdeck.local"]);
  await page.goto(`/teams/${teamId}`);
  await expect(onCallNow(page, "Primary")).toContainText("Chen Oncall");
  await expect(page.getByText("No override planned: the rotation applies.")).toBeVisible();

  // Ana covers Chen from the start of today to noon the day after tomorrow: inside Chen's week, and now.
  const from = berlin(0, "00:00");
  const to = berlin(2, "12:00");
  await page.getByRole("button", { name: "Add override" }).click();
  await page.getByLabel("Who covers").selectOption({ label: "Ana Lopez" });
  await page.getByLabel("Covers for").selectOption({ label: "Chen Oncall" });
  await page.getByLabel("Level", { exact: true }).selectOption({ label: "Primary" });
  await page.getByLabel(`From (${ZONE})`).fill(from.toFormat("yyyy-LL-dd'T'HH:mm"));
  await page.getByLabel(`To (${ZONE})`).fill(to.toFormat("yyyy-LL-dd'T'HH:mm"));
  await page.getByLabel("Reason (optional)").fill("Chen is at a wedding");
  await page.getByRole("button", { name: "Add override" }).click();

  const override = page.getByRole("list", { name: "Overrides" }).getByRole("listitem");
  await expect(override).toHaveCount(1);
  await expect(override).toContainText("Ana Lopez covers Chen Oncall (primary)");
  await expect(override).toContainText(`from ${shown(from)} to ${shown(to)} · Chen is at a wedding`);

  // The timeline: Ana now, outlined as an override, then Chen's week resumes until the handoff.
  const shifts = primaryShifts(page);
  await expect(shifts.nth(0)).toContainText("Ana Lopez (override), ");
  await expect(shifts.nth(0)).toContainText(`– ${shown(to)}`);
  await expect(shifts.nth(0)).toHaveClass(/border-dashed/);
  await expect(shifts.nth(1)).toContainText(`Chen Oncall, ${shown(to)} – ${shown(handoff(startDate, 1))}`);
  await expect(shifts.nth(1)).not.toContainText("(override)");
  await expect(shifts.nth(1)).not.toHaveClass(/border-dashed/);
  await expect(shifts.filter({ hasText: "(override)" })).toHaveCount(1);
  await expect(onCallNow(page, "Primary")).toContainText("Ana Lopez");

  // Removing it gives Chen the shift back.
  await page.getByRole("button", { name: "Remove the override of Ana Lopez" }).click();
  await expect(page.getByText("No override planned: the rotation applies.")).toBeVisible();
  await expect(shifts.filter({ hasText: "(override)" })).toHaveCount(0);
  await expect(shifts.nth(0)).toContainText("Chen Oncall, ");
  await expect(onCallNow(page, "Primary")).toContainText("Chen Oncall");
});

test("an on-call engineer sees a team's schedule read-only", async ({ page }) => {
  // Seeded by the manager: a team with a rotation and an override planned for next week.
  await signIn(page, "manager");
  const { teamId, scheduleId, name } = await teamWithRotation(page.request, [USERS.on_call, "ana@flowdeck.local"]);
  const [ana, chen] = await userIds(page.request, ["ana@flowdeck.local", USERS.on_call]);
  const planned = await page.request.post(`/api/v1/schedules/${scheduleId}/overrides`, {
    data: { level: 1, userId: ana, replacesUserId: chen, startsAt: berlin(8, "09:00").toISO(), endsAt: berlin(9, "09:00").toISO() },
  });
  expect(planned.status(), await planned.text()).toBe(201);
  await page.context().clearCookies();

  await signIn(page, "on_call");
  await page.goto(`/teams/${teamId}`);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(onCallNow(page, "Primary")).toContainText("Chen Oncall");
  await expect(page.getByRole("list", { name: "Layers" })).toContainText("Primary: Chen Oncall → Ana Lopez");
  await expect(primaryShifts(page).first()).toContainText("Chen Oncall");
  await expect(page.getByRole("list", { name: "Overrides" })).toContainText("Ana Lopez covers Chen Oncall (primary)");
  await expect(page.getByRole("list", { name: "Members" })).toContainText("Ana Lopez");

  // Nothing to edit: no rotation, override, member, webhook or schedule-feed controls.
  for (const button of ["Edit rotation", "Add override", "Save members", "Create schedule", /^Remove/, /schedule calendar URL/]) {
    await expect(page.getByRole("button", { name: button })).toHaveCount(0);
  }
  await expect(page.getByLabel("Add a member")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Escalation policies" })).toBeVisible();

  // And the server refuses the edit without the button.
  const res = await page.request.put(`/api/v1/schedules/${scheduleId}`, {
    data: { name: "Taken over", timeZone: ZONE, layers: [{ level: 1, members: [chen], rotationEvery: 1, rotationUnit: "days", handoffTime: "09:00", startDate: localDate(ZONE) }] },
  });
  expect(res.status()).toBe(403);
});

test("a manager makes the schedule's calendar feed URL, shown once, and a calendar app reads the shifts from it", async ({ page, request }) => {
  await signIn(page, "manager");
  const { teamId } = await teamWithRotation(page.request, [USERS.on_call, "ana@flowdeck.local"]);
  await page.goto(`/teams/${teamId}`);

  await page.getByRole("button", { name: "Get schedule calendar URL" }).click();
  const shownOnce = page.getByRole("status").filter({ hasText: "It is shown only now" });
  const field = shownOnce.getByRole("textbox");
  await expect(field).toHaveValue(/^http:\/\/.+\/api\/calendar\/schedules\/\S{16,}$/);
  const url = await field.inputValue();
  await expect(page.getByRole("button", { name: "New schedule calendar URL" })).toBeVisible();

  // A calendar app fetches it without a session: the token is the credential.
  const feed = await request.get(url);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("text/calendar");
  const body = await feed.text();
  expect(body).toMatch(/^BEGIN:VCALENDAR\r?\n/);
  expect(body).toContain("SUMMARY:Primary on call: Chen Oncall");
  expect(body).toContain("SUMMARY:Primary on call: Ana Lopez");
  expect(body.trimEnd()).toMatch(/END:VCALENDAR$/);

  // Only its hash is kept: after a reload the URL is gone, and a new one stops the old one.
  await page.reload();
  await expect(page.getByRole("button", { name: "New schedule calendar URL" })).toBeVisible();
  await expect(shownOnce).toHaveCount(0);
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "New schedule calendar URL" }).click();
  await expect(field).toHaveValue(/\/api\/calendar\/schedules\//);
  const next = await field.inputValue();
  expect(next).not.toBe(url);
  expect((await request.get(next)).status()).toBe(200);
  expect((await request.get(url)).status()).toBe(404);
});
