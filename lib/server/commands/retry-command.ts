import "server-only";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { authorize } from "@/lib/server/authorize";
import type { Ctx } from "@/lib/server/context";

/** Takes a dead-lettered command out of the dead letter: delivery starts again now, for another 24 h. */
export async function retryDeadCommand(ctx: Ctx, input: { id: string }) {
  authorize(ctx.actor, "cases:act");
  return ctx.db.$transaction(async (tx) => {
    const now = new Date();
    const { count } = await tx.command.updateMany({
      where: { id: input.id, deadAt: { not: null } },
      // Backoff starts over too: the first retry comes in seconds, not in an hour.
      data: { deadAt: null, nextAttemptAt: now, deliverySince: now, leaseUntil: null, attempts: 0 },
    });
    if (count === 0) {
      const exists = await tx.command.findUnique({ where: { id: input.id }, select: { id: true } });
      if (!exists) throw new AppError("not_found", `No command ${input.id}.`);
      throw new AppError("conflict", `Command ${input.id} is not in the dead letter.`);
    }
    const command = await tx.command.findUniqueOrThrow({ where: { id: input.id }, select: { id: true, caseId: true, processId: true } });
    await writeAudit(tx, ctx.actor, {
      action: "command.retry_delivery",
      targetType: "command",
      targetId: command.id,
      caseId: command.caseId,
      processId: command.processId,
      before: { deadLettered: true },
      after: { deadLettered: false },
    });
    return { id: command.id };
  });
}
