import "server-only";
import { AppError } from "@/lib/errors";
import { actorLabel, type Ctx } from "@/lib/server/context";
import { notify } from "@/lib/server/incidents/notify";
import { respond } from "@/lib/server/incidents/respond";
import { recordTimeline } from "@/lib/server/incidents/timeline";
import type { TIncidentResponse } from "@/lib/validation/incident";

/** Acknowledges an open incident: escalation stops, and the one acknowledging takes it if nobody had. */
export async function acknowledgeIncident(ctx: Ctx, input: { id: string } & TIncidentResponse, now = new Date()) {
  return respond(ctx, input.id, "incident.acknowledge", input.note, async (tx, incident, actor) => {
    if (incident.status !== "open") throw new AppError("conflict", `The incident is already ${incident.status}.`);
    const assigneeId = incident.assigneeId ?? (actor.type === "user" ? actor.id : null);
    const { count } = await tx.incident.updateMany({
      where: { id: incident.id, status: "open" },
      data: { status: "acknowledged", acknowledgedAt: now, acknowledgedById: actor.type === "user" ? actor.id : null, nextEscalationAt: null, assigneeId },
    });
    if (count === 0) throw new AppError("conflict", "The incident changed meanwhile; reload it.");
    const who = actorLabel(actor);
    await recordTimeline(tx, incident.id, "acknowledged", `Acknowledged by ${who}: escalation stopped${input.note ? ` — ${input.note}` : ""}`, { at: now, actorLabel: who });
    await notify(tx, { ...incident, processName: incident.process?.name ?? null }, "acknowledged", [], { at: now, assignee: who });
    return { result: { id: incident.id, status: "acknowledged" as const }, before: { status: incident.status }, after: { status: "acknowledged" } };
  });
}
