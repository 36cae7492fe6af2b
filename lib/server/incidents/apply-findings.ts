import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { DEFAULT_POLICIES, initialEscalation, type EscalationPolicy, type Severity } from "@/lib/domain/escalation";
import { INCIDENT_TYPES, moreSevere, resolutionStep, type IncidentType } from "@/lib/domain/detectors";
import { detectorsToRun, readsProjection } from "@/lib/domain/projection";
import type { Ctx, Tx } from "@/lib/server/context";
import { authorize } from "@/lib/server/authorize";
import { isUniqueViolation } from "@/lib/server/prisma-errors";
import { projectionCurrentAt } from "@/lib/server/events/projection-lag";
import { affectedCases } from "@/lib/server/incidents/affected-cases";
import { ESCALATION_SELECT, fireDueEscalations } from "@/lib/server/incidents/escalate";
import { gatherFindings, type Observation } from "@/lib/server/incidents/gather-findings";
import { notify } from "@/lib/server/incidents/notify";
import { recordTimeline } from "@/lib/server/incidents/timeline";
import { onCallForTeam } from "@/lib/server/oncall/on-call-for-team";

export type DetectionRound = { opened: number; updated: number; resolved: number };

const openKeyOf = (o: { type: string; key: string }) => `${o.type}:${o.key}`;

async function teamPolicy(tx: Tx, teamId: string | null, severity: Severity): Promise<EscalationPolicy> {
  const row = teamId ? await tx.escalationPolicy.findUnique({ where: { teamId_severity: { teamId, severity } }, select: { steps: true, repeat: true } }) : null;
  return row ? { steps: row.steps as unknown as EscalationPolicy["steps"], repeat: row.repeat } : DEFAULT_POLICIES[severity];
}

/**
 * Opens an incident for a firing finding: owned by the process's team, assigned to its
 * primary on call at trigger time, with the team's escalation policy for the severity
 * (snapshotted, so editing a policy does not rewrite running incidents); the policy's
 * first step fires in the same transaction.
 */
async function open(tx: Tx, o: Observation, now: Date): Promise<void> {
  const process = await tx.process.findUniqueOrThrow({ where: { id: o.processId }, select: { teamId: true, name: true, team: { select: { name: true } } } });
  const policy = await teamPolicy(tx, process.teamId, o.severity);
  const onCall = process.teamId ? await onCallForTeam(tx, process.teamId, now) : null;
  const affected = await affectedCases(tx, o.processId, o.scope, now);
  const start = initialEscalation(now);
  const incident = await tx.incident.create({
    data: {
      type: o.type,
      key: o.key,
      openKey: openKeyOf(o),
      processId: o.processId,
      teamId: process.teamId,
      sloId: o.sloId ?? null,
      severity: o.severity,
      title: o.title,
      summary: o.summary,
      details: o.details as Prisma.InputJsonValue,
      affectedCaseIds: affected.ids,
      affectedCases: affected.count,
      openedAt: now,
      lastSeenAt: now,
      assigneeId: onCall?.primary?.id ?? null,
      policy: policy as unknown as Prisma.InputJsonValue,
      escalationLevel: start.level,
      nextEscalationAt: start.nextAt,
    },
    select: ESCALATION_SELECT,
  });
  await recordTimeline(tx, incident.id, "triggered", `${o.severity} triggered by the ${o.type.replace("_", " ")} detector: ${o.title}`, { at: now, data: o.details as Prisma.InputJsonValue });
  const team = process.team?.name;
  await recordTimeline(
    tx,
    incident.id,
    "assigned",
    !team
      ? `${process.name} has no owning team: nobody to assign`
      : onCall?.primary
        ? `Assigned to ${onCall.primary.name}, primary on call for ${team}`
        : `Nobody is on call for ${team}: unassigned`,
    { at: now, data: { userId: onCall?.primary?.id ?? null } },
  );
  await fireDueEscalations(tx, incident, now);
}

/** A firing finding of an open incident: keep its numbers fresh; severity only ever rises. */
async function refresh(tx: Tx, id: string, o: Observation, current: { severity: Severity; status: string }, now: Date): Promise<void> {
  const affected = await affectedCases(tx, o.processId, o.scope, now);
  const severity = moreSevere(current.severity, o.severity);
  const { count } = await tx.incident.updateMany({
    where: { id, openKey: { not: null } },
    data: { lastSeenAt: now, clearSince: null, title: o.title, summary: o.summary, details: o.details as Prisma.InputJsonValue, affectedCaseIds: affected.ids, affectedCases: affected.count, severity },
  });
  if (count > 0 && severity !== current.severity) await recordTimeline(tx, id, "severity", `Raised from ${current.severity} to ${severity}: ${o.title}`, { at: now });
}

/** A clear (or vanished) condition: resolve once it has stayed clear for the grace period. */
async function clear(tx: Tx, incident: { id: string; clearSince: Date | null; assigneeId: string | null; title: string; summary: string; severity: Severity; teamId: string | null; process: { name: string } | null }, now: Date): Promise<boolean> {
  const step = resolutionStep(false, incident.clearSince, now, env().FLOWDECK_RESOLVE_GRACE_SEC / 60);
  if (!step.resolve) {
    if (incident.clearSince === null) await tx.incident.update({ where: { id: incident.id }, data: { clearSince: step.clearSince } });
    return false;
  }
  // Conditional, so of two workers (or a worker and a person) only one resolves it and notifies.
  const { count } = await tx.incident.updateMany({
    where: { id: incident.id, openKey: { not: null } },
    data: { status: "resolved", resolvedAt: now, openKey: null, nextEscalationAt: null },
  });
  if (count === 0) return false;
  await recordTimeline(tx, incident.id, "resolved", `Resolved automatically: the condition has been clear since ${incident.clearSince?.toISOString() ?? now.toISOString()}`, { at: now });
  const assignee = incident.assigneeId ? await tx.user.findUnique({ where: { id: incident.assigneeId }, select: { id: true, name: true } }) : null;
  await notify(tx, { ...incident, processName: incident.process?.name ?? null }, "resolved", assignee ? [assignee] : [], { at: now, assignee: assignee?.name ?? null });
  return true;
}

/**
 * One detection round of the given detectors (the worker runs the fast ones every few
 * seconds, the slow ones each minute): findings become incidents, one per detector and
 * key. New firing findings open (and route) one; firing ones refresh theirs; incidents
 * of these detectors whose condition is clear resolve after a grace period. Each
 * incident changes in its own transaction.
 */
export async function detectIncidents(ctx: Ctx, now = new Date(), requested: readonly IncidentType[] = INCIDENT_TYPES): Promise<DetectionRound> {
  authorize(ctx.actor, "worker:run");
  const db = ctx.db;
  const types = detectorsToRun(requested, !readsProjection(requested) || (await projectionCurrentAt(db, now)));
  if (types.length === 0) return { opened: 0, updated: 0, resolved: 0 };
  const findings = await gatherFindings(db, types, now);
  const firing = new Map(findings.filter((f) => f.firing).map((f) => [openKeyOf(f), f]));
  const unresolved = await db.incident.findMany({
    where: { openKey: { not: null }, type: { in: [...types] } },
    select: { id: true, openKey: true, severity: true, status: true, clearSince: true, assigneeId: true, title: true, summary: true, teamId: true, process: { select: { name: true } } },
  });
  const round: DetectionRound = { opened: 0, updated: 0, resolved: 0 };
  for (const incident of unresolved) {
    const finding = firing.get(incident.openKey!);
    if (finding) {
      await db.$transaction((tx) => refresh(tx, incident.id, finding, incident, now));
      firing.delete(incident.openKey!);
      round.updated++;
    } else if (await db.$transaction((tx) => clear(tx, incident, now))) {
      round.resolved++;
    }
  }
  for (const finding of firing.values()) {
    try {
      await db.$transaction((tx) => open(tx, finding, now));
      round.opened++;
    } catch (error) {
      // Another worker opened it a moment ago: its open key is taken, and that is the point.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return round;
}
