import "server-only";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/server/authorize";
import { caseActions } from "@/lib/domain/actions";
import { commandOutcome } from "@/lib/domain/command-outcome";
import { CASE_VIEW_SELECT, toCaseView } from "@/lib/server/cases/case-view";
import { graphOf, toActionCase } from "@/lib/server/commands/action-context";
import { COMMAND_SELECT } from "@/lib/server/commands/command-view";
import type { Ctx } from "@/lib/server/context";

/** A case's timeline is capped; the newest events are the ones operators need. */
export const TIMELINE_LIMIT = 2000;

/** One case with its event timeline (oldest first, in projection order) and its commands. */
export async function getCase(ctx: Ctx, input: { caseId: string }, now = new Date()) {
  authorize(ctx.actor, "cases:read");
  const row = await ctx.db.case.findUnique({
    where: { id: input.caseId },
    select: { ...CASE_VIEW_SELECT, processId: true, lastStepState: true },
  });
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
      select: COMMAND_SELECT,
    }),
  ]);
  const view = toCaseView(row, now);
  const graph = await graphOf(ctx.db, row.processId, row.version);
  const cycleSlos = await ctx.db.slo.findMany({
    where: { processId: row.processId, sli: "cycle_time", OR: [{ version: null }, { version: row.version }] },
    select: { id: true, name: true, targetSec: true },
  });
  return {
    asOf: now,
    case: view,
    /** What an operator could do now (the UI shows it to roles that may act). */
    actions: caseActions(toActionCase(row, view.pendingCommand !== null), graph),
    timeline: events.reverse().map(({ externalId, errorCode, errorMessage, ...e }) => ({
      id: externalId,
      ...e,
      error: errorCode === null ? null : { code: errorCode, message: errorMessage ?? "" },
    })),
    timelineTruncated: total > events.length,
    commands: commands.map((c) => ({ ...c, outcome: commandOutcome(c, { ...row, stuck: view.stuck }) })),
    /** For each cycle-time SLO: when this case passes (or passed) its target; null once finished. */
    breaches: cycleSlos.map((slo) => ({
      sloId: slo.id,
      name: slo.name,
      targetSec: slo.targetSec,
      breachesAt: row.startedAt && !row.finishedAt ? new Date(row.startedAt.getTime() + (slo.targetSec ?? 0) * 1000) : null,
    })),
  };
}
