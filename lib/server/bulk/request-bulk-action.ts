import "server-only";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { authorize } from "@/lib/server/authorize";
import { caseWhere } from "@/lib/server/cases/case-filter";
import { actorLabel, type Ctx } from "@/lib/server/context";
import { isUniqueViolation } from "@/lib/server/prisma-errors";
import { recordIncidentAction } from "@/lib/server/incidents/record-action";
import { MAX_BULK_CASES, TWO_PERSON_THRESHOLD, type TBulkAction } from "@/lib/validation/command";

/**
 * Records one action over many cases. The cases are fixed now (a filter is resolved to
 * the cases it matches at this moment); the worker then creates one command per case
 * in batches. Over 25 cases it first waits for a second person's approval.
 */
export async function requestBulkAction(ctx: Ctx, input: TBulkAction, now = new Date()) {
  authorize(ctx.actor, "cases:act");
  if (ctx.actor.type !== "user") throw new AppError("forbidden", "Bulk actions are requested by people.");
  const earlier = await ctx.db.bulkAction.findUnique({ where: { requestId: input.requestId }, select: { id: true } });
  if (earlier) return { id: earlier.id, created: false };

  let caseIds: string[];
  if (input.caseIds) {
    caseIds = [...new Set(input.caseIds)];
  } else {
    const where = await caseWhere(ctx.db, input.filter!, now);
    caseIds = where ? (await ctx.db.case.findMany({ where, select: { id: true }, take: MAX_BULK_CASES + 1 })).map((c) => c.id) : [];
    if (caseIds.length > MAX_BULK_CASES) {
      throw new AppError("invalid_request", `The filter matches more than ${MAX_BULK_CASES} cases; narrow it.`, [{ path: ["filter"], message: "matches too many cases" }]);
    }
  }
  if (caseIds.length === 0) throw new AppError("invalid_request", "No case matches.", [{ path: ["caseIds"], message: "no case matches" }]);
  const needsApproval = caseIds.length > TWO_PERSON_THRESHOLD;
  const actor = ctx.actor;
  try {
    return await ctx.db.$transaction(async (tx) => {
      const bulk = await tx.bulkAction.create({
        data: {
          requestId: input.requestId,
          type: input.type,
          params: input.type === "reroute" ? { toProvider: input.toProvider! } : input.type === "progress" ? { toState: input.toState! } : {},
          reason: input.reason,
          total: caseIds.length,
          status: needsApproval ? "awaiting_approval" : "queued",
          requestedBy: actorLabel(actor),
          requestedById: actor.id,
        },
        select: { id: true, status: true, total: true },
      });
      await tx.bulkActionItem.createMany({ data: caseIds.map((caseId) => ({ bulkActionId: bulk.id, caseId })) });
      await writeAudit(tx, actor, {
        action: "bulk.request",
        targetType: "bulk_action",
        targetId: bulk.id,
        reason: input.reason,
        after: { type: input.type, total: bulk.total, status: bulk.status, ...(input.filter ? { filter: input.filter } : {}) },
      });
      if (input.incidentId) {
        const what = `${input.type.replace("_", " ")} of ${bulk.total} ${bulk.total === 1 ? "case" : "cases"}${input.toProvider ? ` to ${input.toProvider}` : ""}`;
        const waiting = bulk.status === "awaiting_approval" ? " (waiting for a second person's approval)" : "";
        await recordIncidentAction(tx, input.incidentId, actor, `Requested ${what}${waiting}`, { bulkActionId: bulk.id });
      }
      return { id: bulk.id, created: true };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const raced = await ctx.db.bulkAction.findUniqueOrThrow({ where: { requestId: input.requestId }, select: { id: true } });
    return { id: raced.id, created: false };
  }
}
