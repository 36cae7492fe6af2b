import "server-only";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/server/authorize";
import { CASE_VIEW_SELECT, toCaseView } from "@/lib/server/cases/case-view";
import type { Ctx } from "@/lib/server/context";

/** A case's timeline is capped; the newest events are the ones operators need. */
export const TIMELINE_LIMIT = 2000;

/** One case with its event timeline (oldest first, in projection order) and its commands. */
export async function getCase(ctx: Ctx, input: { caseId: string }, now = new Date()) {
  authorize(ctx.actor, "cases:read");
  const row = await ctx.db.case.findUnique({ where: { id: input.caseId }, select: CASE_VIEW_SELECT });
  if (!row) throw new AppError("not_found", `No case with id ${input.caseId}.`);
  const [events, total, commands] = await Promise.all([
    ctx.db.event.findMany({
      where: { caseId: input.caseId },
      orderBy: [{ at: "desc" }, { seq: "desc" }],
      take: TIMELINE_LIMIT,
      select: {
        externalId: true,
        type: true,
        at: true,
        receivedAt: true,
        processVersion: true,
        state: true,
        provider: true,
        attempt: true,
        idempotencyKey: true,
        errorCode: true,
        errorMessage: true,
        data: true,
      },
    }),
    ctx.db.event.count({ where: { caseId: input.caseId } }),
    ctx.db.command.findMany({
      where: { caseId: input.caseId },
      orderBy: { requestedAt: "asc" },
      select: {
        id: true,
        type: true,
        state: true,
        idempotencyKey: true,
        params: true,
        reason: true,
        requestedAt: true,
        requestedBy: true,
        status: true,
        deliveredAt: true,
        acknowledgedAt: true,
        ackMessage: true,
      },
    }),
  ]);
  return {
    asOf: now,
    case: toCaseView(row, now),
    timeline: events.reverse().map(({ externalId, errorCode, errorMessage, ...e }) => ({
      id: externalId,
      ...e,
      error: errorCode === null ? null : { code: errorCode, message: errorMessage ?? "" },
    })),
    timelineTruncated: total > events.length,
    commands,
  };
}
