import "server-only";
import { authorize } from "@/lib/server/authorize";
import type { Ctx } from "@/lib/server/context";

/** Recent bulk actions with their progress, newest first (the stuck list's panel). */
export async function listBulkActions(ctx: Ctx, input: { limit?: number } = {}) {
  authorize(ctx.actor, "cases:read");
  const rows = await ctx.db.bulkAction.findMany({
    orderBy: { requestedAt: "desc" },
    take: input.limit ?? 10,
    select: {
      id: true,
      type: true,
      params: true,
      reason: true,
      total: true,
      status: true,
      requestedAt: true,
      requestedBy: true,
      requestedById: true,
      decidedAt: true,
      decidedBy: true,
      finishedAt: true,
    },
  });
  const counts = await ctx.db.bulkActionItem.groupBy({
    by: ["bulkActionId", "status"],
    where: { bulkActionId: { in: rows.map((r) => r.id) } },
    _count: { _all: true },
  });
  const count = (id: string, status: string) => counts.find((c) => c.bulkActionId === id && c.status === status)?._count._all ?? 0;
  return rows.map((r) => ({ ...r, created: count(r.id, "created"), skipped: count(r.id, "skipped"), pending: count(r.id, "pending") }));
}

/** One bulk action's per-case results. */
/**
 * One bulk action with its per-case results and what the engines answered: how many of
 * its commands succeeded, failed or were rejected, and how many await an answer.
 */
export async function getBulkAction(ctx: Ctx, input: { id: string }) {
  authorize(ctx.actor, "cases:read");
  const bulk = await ctx.db.bulkAction.findUnique({
    where: { id: input.id },
    select: {
      id: true,
      type: true,
      status: true,
      total: true,
      requestedBy: true,
      requestedById: true,
      items: { orderBy: { caseId: "asc" }, take: 1000, select: { caseId: true, status: true, commandId: true, message: true } },
    },
  });
  if (!bulk) return null;
  const commandIds = bulk.items.flatMap((i) => (i.commandId ? [i.commandId] : []));
  const answers = commandIds.length > 0 ? await ctx.db.command.groupBy({ by: ["status"], where: { id: { in: commandIds } }, _count: { _all: true } }) : [];
  const count = (...statuses: string[]) => answers.filter((a) => statuses.includes(a.status)).reduce((n, a) => n + a._count._all, 0);
  return { ...bulk, outcomes: { succeeded: count("succeeded"), failed: count("failed"), rejected: count("rejected"), awaiting: count("requested", "delivered") } };
}
