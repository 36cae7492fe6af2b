import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { actorLabel, type Actor, type Tx } from "@/lib/server/context";
import { recordTimeline } from "@/lib/server/incidents/timeline";

/**
 * Puts an action taken from an incident's runbook on the incident's timeline, in the
 * action's own transaction: an unknown incident refuses the whole action.
 */
export async function recordIncidentAction(tx: Tx, incidentId: string, actor: Actor, message: string, data: Prisma.InputJsonObject): Promise<void> {
  const incident = await tx.incident.findUnique({ where: { id: incidentId }, select: { id: true } });
  if (!incident) throw new AppError("invalid_request", `No incident ${incidentId}.`, [{ path: ["incidentId"], message: "is not an incident" }]);
  const who = actorLabel(actor);
  await recordTimeline(tx, incident.id, "action", `${message} — by ${who}`, { actorLabel: who, data });
}
