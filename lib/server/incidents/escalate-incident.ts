import "server-only";
import { AppError } from "@/lib/errors";
import { actorLabel, type Ctx } from "@/lib/server/context";
import { escalateNow } from "@/lib/server/incidents/escalate";
import { respond } from "@/lib/server/incidents/respond";
import type { TIncidentResponse } from "@/lib/validation/incident";

/** Fires the incident's next escalation step now instead of waiting for its timer. */
export async function escalateIncident(ctx: Ctx, input: { id: string } & TIncidentResponse, now = new Date()) {
  return respond(ctx, input.id, "incident.escalate", input.note, async (tx, incident, actor) => {
    if (incident.status === "resolved") throw new AppError("conflict", "The incident is resolved.");
    await escalateNow(tx, incident, now, actorLabel(actor));
    const after = await tx.incident.findUniqueOrThrow({ where: { id: incident.id }, select: { escalationLevel: true, assigneeId: true } });
    return {
      result: { id: incident.id, escalationLevel: after.escalationLevel },
      before: { escalationLevel: incident.escalationLevel, assigneeId: incident.assigneeId },
      after: { escalationLevel: after.escalationLevel, assigneeId: after.assigneeId },
    };
  });
}
