import "server-only";
import { AppError } from "@/lib/errors";
import { actorLabel, type Ctx } from "@/lib/server/context";
import { notify } from "@/lib/server/incidents/notify";
import { respond } from "@/lib/server/incidents/respond";
import { recordTimeline } from "@/lib/server/incidents/timeline";
import type { TReassignIncident } from "@/lib/validation/incident";

/** Hands an unresolved incident to someone else, who is notified at once. */
export async function reassignIncident(ctx: Ctx, input: { id: string } & TReassignIncident, now = new Date()) {
  return respond(ctx, input.id, "incident.reassign", input.note, async (tx, incident, actor) => {
    if (incident.status === "resolved") throw new AppError("conflict", "The incident is resolved.");
    const user = await tx.user.findFirst({ where: { id: input.userId, disabledAt: null }, select: { id: true, name: true } });
    if (!user) throw new AppError("invalid_request", "No active user with that id.", [{ path: ["userId"], message: "Choose an active user" }]);
    if (user.id === incident.assigneeId) throw new AppError("conflict", `${user.name} already has the incident.`);
    await tx.incident.update({ where: { id: incident.id }, data: { assigneeId: user.id } });
    const who = actorLabel(actor);
    await recordTimeline(tx, incident.id, "reassigned", `Reassigned to ${user.name} by ${who}${input.note ? ` — ${input.note}` : ""}`, { at: now, actorLabel: who, data: { userId: user.id } });
    await notify(tx, { ...incident, processName: incident.process?.name ?? null }, "reassigned", [user], { at: now, assignee: user.name, reason: `reassigned by ${who}` });
    return { result: { id: incident.id, assigneeId: user.id }, before: { assigneeId: incident.assigneeId }, after: { assigneeId: user.id } };
  });
}
