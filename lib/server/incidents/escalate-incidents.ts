import "server-only";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/server/authorize";
import type { Ctx } from "@/lib/server/context";
import { ESCALATION_SELECT, fireDueEscalations } from "@/lib/server/incidents/escalate";

/**
 * One escalation round (the worker, every few seconds): every unacknowledged incident
 * whose next step is due fires it, and any it missed while no worker ran, in order.
 * The timers are columns, so a restarted worker continues where the last one stopped.
 */
export async function escalateIncidents(ctx: Ctx, now = new Date()): Promise<{ fired: number }> {
  authorize(ctx.actor, "worker:run");
  const due = await ctx.db.incident.findMany({
    where: { status: "open", nextEscalationAt: { lte: now } },
    select: { id: true },
    orderBy: { nextEscalationAt: "asc" },
    take: 50,
  });
  let fired = 0;
  for (const { id } of due) {
    try {
      fired += await ctx.db.$transaction(async (tx) => {
        const incident = await tx.incident.findUniqueOrThrow({ where: { id }, select: ESCALATION_SELECT });
        return fireDueEscalations(tx, incident, now);
      });
    } catch (error) {
      // Someone acknowledged it, or another worker escalated it, between the read and the write.
      if (!(error instanceof AppError && error.code === "conflict")) throw error;
    }
  }
  return { fired };
}
