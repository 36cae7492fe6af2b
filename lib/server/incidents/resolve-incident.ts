import "server-only";
import { AppError } from "@/lib/errors";
import { actorLabel, type Ctx } from "@/lib/server/context";
import { notify } from "@/lib/server/incidents/notify";
import { respond } from "@/lib/server/incidents/respond";
import { recordTimeline } from "@/lib/server/incidents/timeline";
import type { TIncidentResponse } from "@/lib/validation/incident";

/**
 * Resolves an incident by hand. Its open key is freed, so a detector that still sees
 * the condition opens a new incident on its next round rather than hiding it.
 */
export async function resolveIncident(ctx: Ctx, input: { id: string } & TIncidentResponse, now = new Date()) {
  return respond(ctx, input.id, "incident.resolve", input.note, async (tx, incident, actor) => {
    if (incident.status === "resolved") throw new AppError("conflict", "The incident is already resolved.");
    const who = actorLabel(actor);
    await tx.incident.update({
      where: { id: incident.id },
      data: { status: "resolved", resolvedAt: now, resolvedById: actor.type === "user" ? actor.id : null, openKey: null, nextEscalationAt: null },
    });
    await recordTimeline(tx, incident.id, "resolved", `Resolved by ${who}${input.note ? ` — ${input.note}` : ""}`, { at: now, actorLabel: who });
    await notify(tx, { ...incident, processName: incident.process?.name ?? null }, "resolved", [], { at: now, assignee: who });
    return { result: { id: incident.id, status: "resolved" as const }, before: { status: incident.status }, after: { status: "resolved" } };
  });
}
