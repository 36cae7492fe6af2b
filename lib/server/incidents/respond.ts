import "server-only";
import type { Severity } from "@/lib/domain/escalation";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/server/authorize";
import type { Actor, Ctx, Tx } from "@/lib/server/context";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { ESCALATION_SELECT } from "@/lib/server/incidents/escalate";

export type RespondingIncident = {
  id: string;
  title: string;
  summary: string;
  severity: Severity;
  status: "open" | "acknowledged" | "resolved";
  teamId: string | null;
  processId: string | null;
  assigneeId: string | null;
  process: { name: string } | null;
};

/**
 * The frame of every person's response to an incident: permission, the incident read
 * in the transaction, the change, and its audit row. `change` returns the audit's
 * before/after and may throw `conflict` when the incident's status does not allow it.
 */
export async function respond<T>(
  ctx: Ctx,
  incidentId: string,
  action: string,
  note: string | undefined,
  change: (tx: Tx, incident: RespondingIncident & { escalationLevel: number; nextEscalationAt: Date | null; acknowledgedAt: Date | null; policy: unknown }, actor: Actor) => Promise<{ result: T; before: Record<string, string | number | null>; after: Record<string, string | number | null> }>,
): Promise<T> {
  authorize(ctx.actor, "incidents:respond");
  return ctx.db.$transaction(async (tx) => {
    const incident = await tx.incident.findUnique({ where: { id: incidentId }, select: { ...ESCALATION_SELECT, processId: true } });
    if (!incident) throw new AppError("not_found", `No incident ${incidentId}.`);
    const { result, before, after } = await change(tx, incident, ctx.actor);
    await writeAudit(tx, ctx.actor, { action, targetType: "incident", targetId: incident.id, processId: incident.processId, reason: note ?? null, before, after });
    return result;
  });
}
