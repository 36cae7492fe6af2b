import "server-only";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { authorize } from "@/lib/server/authorize";
import { actorLabel, type Ctx } from "@/lib/server/context";

/** The second person's decision on a large bulk action (two-person rule): never the requester's own. */
export async function decideBulkAction(ctx: Ctx, input: { id: string; approve: boolean }) {
  authorize(ctx.actor, "bulk:approve");
  const actor = ctx.actor;
  if (actor.type !== "user") throw new AppError("forbidden", "Approvals are given by people.");
  return ctx.db.$transaction(async (tx) => {
    const bulk = await tx.bulkAction.findUnique({ where: { id: input.id }, select: { id: true, status: true, requestedById: true } });
    if (!bulk) throw new AppError("not_found", `No bulk action ${input.id}.`);
    if (bulk.requestedById === actor.id) {
      throw new AppError("forbidden", "A second person must approve: you requested this bulk action.");
    }
    const status = input.approve ? "queued" : "rejected";
    // The state check sits in the write: two approvers cannot both decide.
    const { count } = await tx.bulkAction.updateMany({
      where: { id: bulk.id, status: "awaiting_approval" },
      data: { status, decidedAt: new Date(), decidedBy: actorLabel(actor), ...(input.approve ? {} : { finishedAt: new Date() }) },
    });
    if (count === 0) throw new AppError("conflict", `Bulk action ${bulk.id} is not waiting for approval (it is ${bulk.status}).`);
    await writeAudit(tx, actor, {
      action: input.approve ? "bulk.approve" : "bulk.reject",
      targetType: "bulk_action",
      targetId: bulk.id,
      before: { status: bulk.status },
      after: { status },
    });
    return { id: bulk.id, status };
  });
}
