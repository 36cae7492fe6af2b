import "server-only";
import { describeTarget, stepAt, stepCount } from "@/lib/domain/escalation";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/server/authorize";
import { CASE_VIEW_SELECT, toCaseView } from "@/lib/server/cases/case-view";
import type { Ctx } from "@/lib/server/context";
import { policyOf } from "@/lib/server/incidents/escalate";
import { resolveTarget } from "@/lib/server/incidents/resolve-target";
import { INCIDENT_ROW_SELECT, toIncidentRow } from "@/lib/server/incidents/list-incidents";
import { incidentRunbook } from "@/lib/server/incidents/incident-runbook";

/** Affected cases shown with the incident; the rest are one click away in the case list. */
const SHOWN_CASES = 100;

/**
 * An incident as its page shows it: the row, its timeline, the affected cases now, the
 * escalation still ahead, and its runbook with each step's concrete action.
 */
export async function getIncident(ctx: Ctx, input: { id: string }, now = new Date()) {
  authorize(ctx.actor, "incidents:read");
  const incident = await ctx.db.incident.findUnique({
    where: { id: input.id },
    select: { ...INCIDENT_ROW_SELECT, processId: true, details: true, affectedCaseIds: true, policy: true, clearSince: true, lastSeenAt: true, events: { orderBy: [{ at: "asc" }, { id: "asc" }] } },
  });
  if (!incident) throw new AppError("not_found", `No incident ${input.id}.`);
  const ids = (incident.affectedCaseIds as string[]).slice(0, SHOWN_CASES);
  const cases = await ctx.db.case.findMany({ where: { id: { in: ids } }, select: CASE_VIEW_SELECT, orderBy: [{ stateEnteredAt: "desc" }, { id: "desc" }] });
  const policy = policyOf(incident);
  // The steps still to come if nobody acknowledges, timed from the next one's timer, with
  // the people each would reach by the schedule at that time.
  const ahead: { level: number; at: string; target: string; people: string[] }[] = [];
  if (incident.status === "open" && incident.nextEscalationAt) {
    let at = incident.nextEscalationAt.getTime();
    for (let level = incident.escalationLevel; level < stepCount(policy); level++) {
      const step = stepAt(policy, level)!;
      const { users } = await resolveTarget(ctx.db, incident.team?.id ?? null, step.step.target, new Date(at));
      ahead.push({ level, at: new Date(at).toISOString(), target: describeTarget(step.step.target), people: users.map((u) => u.name) });
      at += step.step.waitMinutes * 60_000;
    }
  }
  return {
    incident: {
      ...toIncidentRow(incident),
      details: incident.details as Record<string, string | number | null>,
      clearSince: incident.clearSince?.toISOString() ?? null,
      lastSeenAt: incident.lastSeenAt.toISOString(),
      policy,
    },
    timeline: incident.events.map((e) => ({ id: e.id.toString(), at: e.at.toISOString(), kind: e.kind, message: e.message, actor: e.actorLabel, data: e.data })),
    cases: cases.map((c) => toCaseView(c, now)),
    escalationAhead: ahead,
    runbook: incident.processId ? await incidentRunbook(ctx.db, { ...incident, processId: incident.processId }, now) : null,
  };
}
export type IncidentDetail = Awaited<ReturnType<typeof getIncident>>;
