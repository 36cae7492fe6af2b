import "server-only";
import { afterFiring, dueEscalations, stepAt, stepCount, type EscalationPolicy } from "@/lib/domain/escalation";
import { AppError } from "@/lib/errors";
import type { Tx } from "@/lib/server/context";
import { notify } from "@/lib/server/incidents/notify";
import { resolveTarget } from "@/lib/server/incidents/resolve-target";
import { recordTimeline } from "@/lib/server/incidents/timeline";

export const ESCALATION_SELECT = {
  id: true,
  title: true,
  summary: true,
  severity: true,
  status: true,
  teamId: true,
  policy: true,
  escalationLevel: true,
  nextEscalationAt: true,
  acknowledgedAt: true,
  assigneeId: true,
  process: { select: { name: true } },
} as const;

type EscalatingIncident = {
  id: string;
  title: string;
  summary: string;
  severity: "SEV1" | "SEV2" | "SEV3";
  status: "open" | "acknowledged" | "resolved";
  teamId: string | null;
  policy: unknown;
  escalationLevel: number;
  nextEscalationAt: Date | null;
  acknowledgedAt: Date | null;
  assigneeId: string | null;
  process: { name: string } | null;
};

/** The policy snapshot taken when the incident opened (written by open-incident.ts). */
export function policyOf(incident: { policy: unknown }): EscalationPolicy {
  return incident.policy as EscalationPolicy;
}

/**
 * Fires escalation levels `levels` of an incident at `now`: resolves each step's
 * people, notifies them, records it, and makes the first person reached the assignee.
 * The update is conditional on the level the caller read, so two workers (or a worker
 * and a person pressing "Escalate") never fire the same step twice.
 */
async function fire(tx: Tx, incident: EscalatingIncident, levels: number[], next: { level: number; nextAt: Date | null }, now: Date, actorLabel: string | null) {
  const policy = policyOf(incident);
  let assigneeId = incident.assigneeId;
  for (const level of levels) {
    const step = stepAt(policy, level);
    if (!step) continue;
    const { users, label } = await resolveTarget(tx, incident.teamId, step.step.target, now);
    const ref = { ...incident, processName: incident.process?.name ?? null };
    const position = `step ${step.index + 1} of ${policy.steps.length}${policy.repeat > 0 ? `, round ${step.pass + 1} of ${policy.repeat + 1}` : ""}`;
    if (level > 0) {
      await recordTimeline(tx, incident.id, "escalated", `Escalated to ${label} (${position})${users.length === 0 ? ": nobody to reach" : ""}`, { at: now, actorLabel, data: { level } });
    } else if (users.length === 0) {
      await recordTimeline(tx, incident.id, "notified", `Nobody to notify: ${label} is not set (${position})`, { at: now, data: { level } });
    }
    const first = users[0];
    if (first && level > 0 && first.id !== assigneeId) {
      assigneeId = first.id;
      await recordTimeline(tx, incident.id, "assigned", `Assigned to ${first.name}`, { at: now, data: { userId: first.id } });
    }
    await notify(tx, ref, level === 0 ? "triggered" : "escalated", users, { at: now, assignee: first?.name ?? null, reason: position });
  }
  const { count } = await tx.incident.updateMany({
    where: { id: incident.id, escalationLevel: incident.escalationLevel, status: incident.status },
    data: { escalationLevel: next.level, nextEscalationAt: next.nextAt, assigneeId },
  });
  if (count === 0) throw new AppError("conflict", "The incident changed while it was being escalated; reload it.");
}

/** Fires every overdue step of an unacknowledged incident (the escalation job and incident opening). */
export async function fireDueEscalations(tx: Tx, incident: EscalatingIncident, now: Date): Promise<number> {
  if (incident.status !== "open") return 0;
  const due = dueEscalations(policyOf(incident), { level: incident.escalationLevel, nextAt: incident.nextEscalationAt }, incident.acknowledgedAt, now);
  if (due.fire.length === 0) return 0;
  await fire(tx, incident, due.fire, due.state, now, null);
  return due.fire.length;
}

/** Fires the next step now, whatever its timer says (a person's "Escalate"). */
export async function escalateNow(tx: Tx, incident: EscalatingIncident, now: Date, actorLabel: string): Promise<void> {
  const policy = policyOf(incident);
  if (incident.escalationLevel >= stepCount(policy)) {
    throw new AppError("conflict", "The escalation policy has no further step; reassign the incident instead.");
  }
  await fire(tx, incident, [incident.escalationLevel], afterFiring(policy, incident.escalationLevel, now), now, actorLabel);
}
