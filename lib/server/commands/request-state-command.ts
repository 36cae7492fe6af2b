import "server-only";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { authorize } from "@/lib/server/authorize";
import { actorLabel, type Ctx, type Tx } from "@/lib/server/context";
import { graphOf } from "@/lib/server/commands/action-context";
import { COMMAND_SELECT } from "@/lib/server/commands/command-view";
import { recordIncidentAction } from "@/lib/server/incidents/record-action";
import type { TStateCommand } from "@/lib/validation/command";

/** The engines running a process now: those with open cases, else the last one that reported. */
async function enginesOf(tx: Tx, processId: string): Promise<string[]> {
  const open = await tx.$queryRaw<{ source_id: string }[]>`
    SELECT DISTINCT source_id FROM cases WHERE process_id = ${processId} AND stuck_after IS NOT NULL`;
  if (open.length > 0) return open.map((r) => r.source_id);
  const last = await tx.event.findFirst({ where: { processId }, orderBy: { at: "desc" }, select: { sourceId: true } });
  return last ? [last.sourceId] : [];
}

/**
 * Pauses or resumes new starts of one state of a process (a circuit breaker): the
 * routing API reports the pause at once, and each engine running the process gets a
 * command. Idempotent by request id, audited in the same transaction.
 */
export async function requestStateCommand(ctx: Ctx, input: TStateCommand & { process: string }) {
  authorize(ctx.actor, "cases:act");
  return ctx.db.$transaction(async (tx) => {
    const process = await tx.process.findUnique({ where: { key: input.process }, select: { id: true, key: true } });
    if (!process) throw new AppError("not_found", `No process with key ${input.process}.`);
    // One pause or resume of a process at a time, so a concurrent twin's committed rows are
    // seen below (NO KEY UPDATE: ingestion's foreign-key checks are not blocked).
    await tx.$queryRaw`SELECT id FROM processes WHERE id = ${process.id} FOR NO KEY UPDATE`;
    const earlier = await tx.command.findMany({ where: { requestId: { startsWith: `${input.requestId}:` } }, select: COMMAND_SELECT });
    if (earlier.length > 0) return { commands: earlier, created: false };
    // With no engine running the process the intent left no command, only its audit row.
    const audited = await tx.auditLog.findFirst({
      where: { processId: process.id, action: `command.${input.type}`, after: { path: ["requestId"], equals: input.requestId } },
      select: { id: true },
    });
    if (audited) return { commands: [], created: false };

    const graph = await graphOf(tx, process.id, null);
    if (graph && !graph.states.some((s) => s.name === input.state)) {
      throw new AppError("invalid_request", `${input.state} is not a state of ${process.key}.`, [{ path: ["state"], message: "is not a state of this process" }]);
    }
    // The pause row is the lock: a second pause (or a resume of nothing) is refused.
    const paused = await tx.processPause.findUnique({ where: { processId_state: { processId: process.id, state: input.state } } });
    if (input.type === "pause_starts") {
      if (paused) throw new AppError("conflict", `New starts of ${input.state} are already paused (since ${paused.pausedAt.toISOString()}).`);
      await tx.processPause.create({ data: { processId: process.id, state: input.state, pausedBy: actorLabel(ctx.actor), reason: input.reason } });
    } else {
      if (!paused) throw new AppError("conflict", `New starts of ${input.state} are not paused.`);
      await tx.processPause.delete({ where: { processId_state: { processId: process.id, state: input.state } } });
    }
    const commands = [];
    for (const sourceId of await enginesOf(tx, process.id)) {
      commands.push(
        await tx.command.create({
          data: {
            requestId: `${input.requestId}:${sourceId}`,
            sourceId,
            processId: process.id,
            type: input.type,
            state: input.state,
            reason: input.reason,
            requestedBy: actorLabel(ctx.actor),
            requestedById: ctx.actor.type === "user" ? ctx.actor.id : null,
          },
          select: COMMAND_SELECT,
        }),
      );
    }
    await writeAudit(tx, ctx.actor, {
      action: `command.${input.type}`,
      targetType: "process",
      targetId: process.id,
      processId: process.id,
      reason: input.reason,
      before: { state: input.state, paused: Boolean(paused) },
      after: { state: input.state, paused: input.type === "pause_starts", commands: commands.map((c) => c.id), requestId: input.requestId },
    });
    if (input.incidentId) {
      const verb = input.type === "pause_starts" ? "Paused" : "Resumed";
      await recordIncidentAction(tx, input.incidentId, ctx.actor, `${verb} new starts of ${input.state}`, { commandIds: commands.map((c) => c.id), state: input.state });
    }
    return { commands, created: true };
  });
}
