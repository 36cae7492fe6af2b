import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { decideBulkAction } from "@/lib/server/bulk/decide-bulk-action";
import { runBulkBatch } from "@/lib/server/bulk/run-bulk-actions";
import { listBulkActions } from "@/lib/server/bulk/list-bulk-actions";
import { requestBulkAction } from "@/lib/server/bulk/request-bulk-action";
import type { Ctx } from "@/lib/server/context";
import type { TEvent } from "@/lib/validation/event";
import { createKey, resetDatabase, systemCtx } from "../support/db";
import { ev } from "../support/events";
import { defineLoanApproval, ingestAs, requestId, stalledCase, userCtx } from "../support/outbox";

let token: string;
let alice: Ctx;
let bob: Ctx;

/** `n` stalled loan cases, plus one completed case that no action fits. */
async function cases(n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, (_, i) => `bulk-${String(i).padStart(3, "0")}`);
  const events: TEvent[] = ids.flatMap((id, i) => stalledCase(id, i));
  events.push(ev({ caseId: "done-1", state: "intake" }), ev({ caseId: "done-1", type: "case.completed", minute: 1 }));
  await ingestAs(token, events);
  return ids;
}

async function drain() {
  const ctx = await systemCtx();
  for (let i = 0; i < 100; i++) if (!(await runBulkBatch(ctx)).more) return;
}

beforeEach(async () => {
  await resetDatabase();
  await defineLoanApproval();
  ({ token } = await createKey(["ingest", "commands"]));
  alice = await userCtx("on_call", "alice@flowdeck.test");
  bob = await userCtx("on_call", "bob@flowdeck.test");
});

describe("bulk actions", () => {
  it("runs up to 25 cases at once, one command per case, and skips what does not fit with the reason", async () => {
    const ids = await cases(10);
    const { id } = await requestBulkAction(alice, { type: "compensate", requestId: requestId(), reason: "bureau-a outage", caseIds: [...ids, "done-1"] });
    await drain();
    const db = await getDb();
    const items = await db.bulkActionItem.findMany({ where: { bulkActionId: id }, orderBy: { caseId: "asc" } });
    expect(items.filter((i) => i.status === "created")).toHaveLength(10);
    expect(items.find((i) => i.caseId === "done-1")).toMatchObject({ status: "skipped", message: expect.stringContaining("completed") });
    expect(await db.command.count({ where: { bulkActionId: id, type: "compensate" } })).toBe(10);
    expect(await db.auditLog.count({ where: { action: "command.compensate", actorId: alice.actor.type === "user" ? alice.actor.id : "" } })).toBe(10);
    const [listed] = await listBulkActions(alice);
    expect(listed).toMatchObject({ id, status: "done", total: 11, created: 10, skipped: 1, pending: 0 });
  });

  it("selects the cases of a filter when asked, fixed at the time of the request", async () => {
    await cases(3);
    const { id } = await requestBulkAction(alice, {
      type: "restart_step",
      requestId: requestId(),
      reason: "retry after the outage",
      filter: { process: "loan-approval", state: "credit-check" },
    });
    const db = await getDb();
    expect(await db.bulkActionItem.count({ where: { bulkActionId: id } })).toBe(3);
  });

  it("waits for a second person over 25 cases; the requester cannot approve their own", async () => {
    const ids = await cases(30);
    const { id } = await requestBulkAction(alice, { type: "cancel", requestId: requestId(), reason: "test data", caseIds: ids });
    await drain();
    const db = await getDb();
    expect(await db.command.count()).toBe(0);
    await expect(decideBulkAction(alice, { id, approve: true })).rejects.toMatchObject({ code: "forbidden" });
    expect(await decideBulkAction(bob, { id, approve: true })).toEqual({ id, status: "queued" });
    await expect(decideBulkAction(bob, { id, approve: true })).rejects.toMatchObject({ code: "conflict" });
    await drain();
    expect(await db.command.count({ where: { bulkActionId: id } })).toBe(30);
    expect((await db.auditLog.findMany({ where: { targetId: id }, orderBy: { at: "asc" } })).map((a) => a.action)).toEqual(["bulk.request", "bulk.approve"]);
  });

  it("runs in batches of 50 and does not repeat a case when a batch is run again", async () => {
    const ids = await cases(60);
    const { id } = await requestBulkAction(alice, { type: "compensate", requestId: requestId(), reason: "outage", caseIds: ids });
    await decideBulkAction(bob, { id, approve: true });
    const first = await runBulkBatch(await systemCtx());
    expect(first).toMatchObject({ bulkActionId: id, created: 50, more: true });
    await drain();
    expect(await (await getDb()).command.count({ where: { bulkActionId: id } })).toBe(60);
  });

  it("a rejected bulk action never runs; a repeated request returns the first", async () => {
    const ids = await cases(26);
    const rid = requestId();
    const first = await requestBulkAction(alice, { type: "cancel", requestId: rid, reason: "oops", caseIds: ids });
    expect(await requestBulkAction(alice, { type: "cancel", requestId: rid, reason: "oops", caseIds: ids })).toEqual({ id: first.id, created: false });
    await decideBulkAction(bob, { id: first.id, approve: false });
    await drain();
    expect(await (await getDb()).command.count()).toBe(0);
  });

  it("refuses roles that may not act, and an empty selection", async () => {
    const ops = await userCtx("ops_leader", "olga@flowdeck.test");
    await expect(requestBulkAction(ops, { type: "cancel", requestId: requestId(), reason: "x y z", caseIds: ["a"] })).rejects.toBeInstanceOf(AppError);
    await expect(
      requestBulkAction(alice, { type: "cancel", requestId: requestId(), reason: "nothing", filter: { process: "loan-approval" } }),
    ).rejects.toMatchObject({ code: "invalid_request" });
  });
});
