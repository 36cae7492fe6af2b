import { beforeAll, describe, expect, it, vi } from "vitest";
import AuditPage from "@/app/(dashboard)/audit/page";
import { ErrorState } from "@/components/ui/states";
import { can } from "@/lib/auth/permissions";
import { ROLES } from "@/lib/auth/roles";
import { getDb } from "@/lib/db";
import { listAudit } from "@/lib/server/audit/list-audit";
import { requestCaseCommand } from "@/lib/server/commands/request-case-command";
import { requestStateCommand } from "@/lib/server/commands/request-state-command";
import type { Ctx } from "@/lib/server/context";
import { authenticateApiKey } from "@/lib/server/sources/authenticate-api-key";
import { ZAuditQuery } from "@/lib/validation/audit";
import { createKey, resetDatabase } from "../support/db";
import { ev } from "../support/events";
import { defineLoanApproval, ingestAs, requestId, stalledCase, userCtx } from "../support/outbox";
import { elementsOf, pageAs } from "../support/page";

vi.mock("next-auth", async (original) => (await import("../support/session")).withTestSession(await original<typeof import("next-auth")>()));

/** The fixture's four operator actions, each pinned to a minute after BASE (long before the setup rows, written now). */
const BASE = Date.UTC(2020, 2, 1, 10, 0, 0);
const at = (minute: number) => new Date(BASE + minute * 60_000);
const iso = (minute: number, ms = 0) => new Date(at(minute).getTime() + ms).toISOString();

const ids = { restart: "", cancelLoan: "", cancelOrder: "", pause: "" };
let defined: string; // the system's process.create of loan-approval, written now
let token: string;
let users: Record<(typeof ROLES)[number], Ctx>;

/** The audit row `action` wrote for `targetId`, moved to minute `minute`. */
async function pin(action: string, targetId: string, minute: number): Promise<string> {
  const db = await getDb();
  const row = await db.auditLog.findFirstOrThrow({ where: { action, targetId }, select: { id: true } });
  await db.auditLog.update({ where: { id: row.id }, data: { at: at(minute) } });
  return row.id.toString();
}

/**
 * - 10:00 alice (on call) restarts loan-1        (loan-approval, case loan-1)
 * - 10:05 bob (on call) cancels loan-2           (loan-approval, case loan-2)
 * - 10:10 alice cancels order-1                  (order-fulfilment, case order-1)
 * - 10:15 the admin pauses credit-check starts   (loan-approval, no case)
 * and the setup's own rows (users, the source, the process), written now by the system.
 */
beforeAll(async () => {
  await resetDatabase();
  await defineLoanApproval();
  ({ token } = await createKey(["ingest", "commands", "read"]));
  users = {} as typeof users;
  for (const role of ROLES) users[role] = await userCtx(role, `${role.replace("_", ".")}@audit.test`);
  const alice = await userCtx("on_call", "Alice.Oncall@audit.test");
  const bob = await userCtx("on_call", "bob.oncall@audit.test");
  await ingestAs(token, [
    ...stalledCase("loan-1"),
    ...stalledCase("loan-2"),
    ev({ caseId: "order-1", process: "order-fulfilment", processVersion: "2.1.0", state: "payment" }),
  ]);
  const command = (ctx: Ctx, caseId: string, type: "restart_step" | "cancel") =>
    requestCaseCommand(ctx, { type, caseId, requestId: requestId(), reason: `audit fixture ${caseId}` }).then((r) => r.command.id);
  ids.restart = await pin("command.restart_step", await command(alice, "loan-1", "restart_step"), 0);
  ids.cancelLoan = await pin("command.cancel", await command(bob, "loan-2", "cancel"), 5);
  ids.cancelOrder = await pin("command.cancel", await command(alice, "order-1", "cancel"), 10);
  await requestStateCommand(users.admin, { type: "pause_starts", process: "loan-approval", state: "credit-check", requestId: requestId(), reason: "bureau-a outage" });
  const loan = await (await getDb()).process.findUniqueOrThrow({ where: { key: "loan-approval" }, select: { id: true } });
  ids.pause = await pin("command.pause_starts", loan.id, 15);
  defined = (await (await getDb()).auditLog.findFirstOrThrow({ where: { action: "process.create", targetId: loan.id } })).id.toString();
}, 120_000);

/** The ids of the entries the filter finds, newest first, as the admin reads them. */
async function found(filter: Record<string, string>): Promise<string[]> {
  const { entries } = await listAudit(users.admin, ZAuditQuery.parse(filter));
  return entries.map((e) => e.id);
}

/** The fixture rows among `list` (the setup rows are written now, after every pinned minute). */
const pinned = (list: string[]) => list.filter((id) => Object.values(ids).includes(id));

describe("audit log filters (lib/server/audit/list-audit.ts)", () => {
  it("lists everything newest first without a filter", async () => {
    const all = await found({ limit: "200" });
    expect(all).toHaveLength(await (await getDb()).auditLog.count());
    expect(pinned(all)).toEqual([ids.pause, ids.cancelOrder, ids.cancelLoan, ids.restart]);
  });

  it("by actor: a part of the actor's label, in any case", async () => {
    expect(await found({ actor: "ALICE" })).toEqual([ids.cancelOrder, ids.restart]);
    expect(await found({ actor: "bob.oncall@audit.test" })).toEqual([ids.cancelLoan]);
    expect(await found({ actor: "admin@audit" })).toEqual([ids.pause]);
    expect(await found({ actor: "nobody" })).toEqual([]);
    // The setup's rows are the system's, and only they match it.
    const systemRows = await found({ actor: "system:", limit: "200" });
    expect(systemRows.length).toBeGreaterThan(0);
    expect(pinned(systemRows)).toEqual([]);
  });

  it("by process key: its cases' actions and its own; an unknown key finds nothing, not everything", async () => {
    expect(await found({ process: "loan-approval" })).toEqual([defined, ids.pause, ids.cancelLoan, ids.restart]);
    expect(await found({ process: "order-fulfilment" })).toEqual([ids.cancelOrder]);
    expect(await found({ process: "no-such-process" })).toEqual([]);
  });

  it("by case id: exactly that case", async () => {
    expect(await found({ case: "loan-1" })).toEqual([ids.restart]);
    expect(await found({ case: "order-1" })).toEqual([ids.cancelOrder]);
    expect(await found({ case: "loan" })).toEqual([]);
  });

  it("by time range: both ends included, either end alone", async () => {
    expect(await found({ from: iso(5), to: iso(10) })).toEqual([ids.cancelOrder, ids.cancelLoan]);
    expect(await found({ from: iso(5, 1), to: iso(10, -1) })).toEqual([]);
    expect(await found({ to: iso(5, -1) })).toEqual([ids.restart]);
    // Another zone names the same instant.
    expect(await found({ from: "2020-03-01T11:10:00+01:00", to: "2020-03-01T11:15:00+01:00" })).toEqual([ids.pause, ids.cancelOrder]);
    const fromTen = await found({ from: iso(10), limit: "200" });
    expect(pinned(fromTen)).toEqual([ids.pause, ids.cancelOrder]);
    expect(fromTen).toHaveLength((await (await getDb()).auditLog.count()) - 2);
  });

  it("combines filters (all must hold) and pages through a filtered list without repeats", async () => {
    expect(await found({ actor: "alice", process: "loan-approval" })).toEqual([ids.restart]);
    expect(await found({ actor: "alice", case: "loan-2" })).toEqual([]);
    expect(await found({ process: "loan-approval", from: iso(1), to: iso(14) })).toEqual([ids.cancelLoan]);

    const first = await listAudit(users.admin, ZAuditQuery.parse({ process: "loan-approval", limit: "3" }));
    expect(first.entries.map((e) => e.id)).toEqual([defined, ids.pause, ids.cancelLoan]);
    const second = await listAudit(users.admin, ZAuditQuery.parse({ process: "loan-approval", limit: "3", cursor: first.nextCursor! }));
    expect(second).toMatchObject({ entries: [{ id: ids.restart }], nextCursor: null });
  });

  it("refuses a time without a zone", () => {
    const parsed = ZAuditQuery.safeParse({ from: "2020-03-01T10:00:00" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path)).toEqual([["from"]]);
  });
});

describe("the audit page (app/(dashboard)/audit)", () => {
  const page = (ctx: Ctx | null, searchParams: Record<string, string> = {}) => pageAs(ctx, () => AuditPage({ searchParams: Promise.resolve(searchParams) }));
  const shown = async (searchParams: Record<string, string>) => {
    const res = await page(users.admin, searchParams);
    if (res.status !== 200) throw new Error(`the page answered ${res.status}`);
    return elementsOf(res.element)
      .filter((e) => e.type === "tr" && e.key !== null)
      .map((e) => e.key);
  };

  it("applies its form's filters; the form's local times are UTC", async () => {
    expect(await shown({ actor: "alice", process: "loan-approval" })).toEqual([ids.restart]);
    expect(await shown({ case: "order-1" })).toEqual([ids.cancelOrder]);
    expect(await shown({ from: "2020-03-01T10:05", to: "2020-03-01T10:10" })).toEqual([ids.cancelOrder, ids.cancelLoan]);
    expect(await shown({ to: "2020-03-01T10:04" })).toEqual([ids.restart]);
    // A browser may send seconds too.
    expect(await shown({ from: "2020-03-01T10:05:00", to: "2020-03-01T10:10:00" })).toEqual([ids.cancelOrder, ids.cancelLoan]);
    expect(await shown({ from: "not a time" })).toEqual([]);
    const invalid = await page(users.admin, { from: "not a time" });
    expect(invalid.status === 200 && elementsOf(invalid.element).some((e) => e.type === ErrorState)).toBe(true);
  });

  it("is read by admins and managers only: the other roles get 403, nobody signed in goes to sign in, keys are refused", async () => {
    const db = await getDb();
    const before = await db.auditLog.count();
    const got: Record<string, number | string> = {};
    for (const role of ROLES) {
      const res = await page(users[role]);
      const read = await listAudit(users[role], ZAuditQuery.parse({})).then(
        () => "read",
        (e: { code?: string }) => e.code ?? "threw",
      );
      got[role] = `${res.status} ${read}`;
    }
    expect(got).toEqual(Object.fromEntries(ROLES.map((r) => [r, can(r, "audit:read") ? "200 read" : "403 forbidden"])));
    expect(ROLES.filter((r) => got[r] === "200 read")).toEqual(["admin", "manager"]);

    expect(await page(null)).toEqual({ status: 307, location: "/" });
    const key = await authenticateApiKey(db, token);
    await expect(listAudit({ actor: key!, db }, ZAuditQuery.parse({}))).rejects.toMatchObject({ code: "forbidden" });
    // Reading writes nothing.
    expect(await db.auditLog.count()).toBe(before);
  });
});
