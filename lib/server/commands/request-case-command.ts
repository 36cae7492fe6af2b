import "server-only";
import { refusal } from "@/lib/domain/actions";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { authorize } from "@/lib/server/authorize";
import { actorLabel, type Actor, type Ctx, type Tx } from "@/lib/server/context";
import { graphOf, PENDING_STATUSES, toActionCase } from "@/lib/server/commands/action-context";
import { COMMAND_SELECT } from "@/lib/server/commands/command-view";
import { isUniqueViolation } from "@/lib/server/prisma-errors";
import type { TCaseCommand } from "@/lib/validation/command";

/**
 * Puts one operator action on a case into the outbox, with its audit row, in one
 * transaction. The case row is locked, so two actions on one case cannot both pass the
 * checks; the request id makes the call idempotent (a double click, a retry after a
 * timeout or a second tab get the command the first call created).
 */
export async function requestCaseCommand(ctx: Ctx, input: CaseCommandInput) {
  authorize(ctx.actor, "cases:act");
  try {
    return await ctx.db.$transaction((tx) => createCaseCommand(tx, ctx.actor, input));
  } catch (error) {
    // Two identical requests raced past the look-up: the loser returns the winner's command.
    if (!isUniqueViolation(error)) throw error;
    const earlier = await ctx.db.command.findUnique({ where: { requestId: input.requestId }, select: { ...COMMAND_SELECT, caseId: true } });
    if (!earlier) throw error;
    return sameIntent(earlier, input);
  }
}

export type CaseCommandInput = TCaseCommand & { caseId: string; bulkActionId?: string };

/**
 * The command and its audit row, inside the caller's transaction (a single request, or
 * a batch of a bulk action). The caller has authorized `actor`.
 */
export async function createCaseCommand(tx: Tx, actor: Actor, input: CaseCommandInput) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM cases WHERE id = ${input.caseId} FOR UPDATE`;
  // Looked up once the case is locked: a concurrent twin that held the lock has committed
  // by now, and its command must be returned, not counted as a pending one.
  const earlier = await tx.command.findUnique({ where: { requestId: input.requestId }, select: { ...COMMAND_SELECT, caseId: true } });
  if (earlier) return sameIntent(earlier, input);
  if (locked.length === 0) throw new AppError("not_found", `No case with id ${input.caseId}.`);
  const c = await tx.case.findUniqueOrThrow({
    where: { id: input.caseId },
    select: {
      id: true, processId: true, sourceId: true, version: true, status: true, state: true, provider: true,
      lastIdempotencyKey: true, lastStepState: true,
    },
  });
  const pending = await tx.command.count({ where: { caseId: c.id, status: { in: [...PENDING_STATUSES] } } });
  const facts = toActionCase(c, pending > 0);
  const refused = refusal(facts, await graphOf(tx, c.processId, c.version), input.type, input);
  if (refused?.kind === "conflict") throw new AppError("conflict", `Cannot ${input.type.replace("_", " ")} case ${c.id}: ${refused.reason}.`);
  if (refused?.kind === "invalid") {
    throw new AppError("invalid_request", `${refused.field} ${refused.reason}.`, [{ path: [refused.field], message: refused.reason }]);
  }

  const params = input.type === "reroute" ? { toProvider: input.toProvider! } : input.type === "progress" ? { toState: input.toState! } : {};
  const command = await tx.command.create({
    data: {
      requestId: input.requestId,
      bulkActionId: input.bulkActionId ?? null,
      sourceId: c.sourceId,
      processId: c.processId,
      caseId: c.id,
      type: input.type,
      state: c.state,
      idempotencyKey: input.type === "restart_step" ? facts.stepKey : null,
      params,
      reason: input.reason,
      requestedBy: actorLabel(actor),
      requestedById: actor.type === "user" ? actor.id : null,
    },
    select: COMMAND_SELECT,
  });
  // The failure-rate SLI counts a case an operator had to act on as not succeeding on its own.
  await tx.case.update({ where: { id: c.id }, data: { intervened: true } });
  await writeAudit(tx, actor, {
    action: `command.${input.type}`,
    targetType: "command",
    targetId: command.id,
    processId: c.processId,
    caseId: c.id,
    reason: input.reason,
    before: { status: c.status, state: c.state, provider: c.provider },
    after: { command: command.id, type: input.type, ...params, idempotencyKey: command.idempotencyKey },
  });
  return { command, created: true };
}

function sameIntent<T extends { caseId: string | null; type: string }>(earlier: T, input: { caseId: string; type: string }) {
  if (earlier.caseId !== input.caseId || earlier.type !== input.type) {
    throw new AppError("conflict", "This request id was already used for another command.", [{ path: ["requestId"], message: "is already used" }]);
  }
  const { caseId: _caseId, ...command } = earlier;
  return { command, created: false };
}
