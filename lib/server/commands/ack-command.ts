import "server-only";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { authorize } from "@/lib/server/authorize";
import { sourceOf, type Ctx } from "@/lib/server/context";
import type { TAck } from "@/lib/validation/command";

/**
 * The engine's answer to a command. The same answer twice is a no-op; a different
 * answer to an answered command is a conflict. A source can only answer its own
 * commands (others are "not found", so ids do not leak).
 */
export async function ackCommand(ctx: Ctx, input: TAck & { id: string }) {
  authorize(ctx.actor, "commands:ack");
  const sourceId = sourceOf(ctx.actor);
  return ctx.db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM commands WHERE id = ${input.id} AND source_id = ${sourceId} FOR UPDATE`;
    if (locked.length === 0) throw new AppError("not_found", `No command ${input.id} for this source.`);
    const command = await tx.command.findUniqueOrThrow({
      where: { id: input.id },
      select: { id: true, status: true, caseId: true, processId: true, type: true, acknowledgedAt: true },
    });
    if (command.status === input.status) return { id: command.id, status: command.status, acknowledgedAt: command.acknowledgedAt, changed: false };
    if (command.status !== "requested" && command.status !== "delivered") {
      throw new AppError("conflict", `Command ${command.id} was already acknowledged as ${command.status}.`);
    }
    const now = new Date();
    await tx.command.update({
      where: { id: command.id },
      data: { status: input.status, acknowledgedAt: now, ackMessage: input.message ?? null, leaseUntil: null },
    });
    await writeAudit(tx, ctx.actor, {
      action: "command.acknowledged",
      targetType: "command",
      targetId: command.id,
      processId: command.processId,
      caseId: command.caseId,
      reason: input.message ?? null,
      before: { status: command.status },
      after: { status: input.status },
    });
    return { id: command.id, status: input.status, acknowledgedAt: now, changed: true };
  });
}
