import "server-only";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { IncidentType } from "@/lib/domain/detectors";
import { parseRunbook, planAction, runbookKindFor, RUNBOOK_TITLES, type ActionContext } from "@/lib/domain/runbook";
import { alternativeProviders } from "@/lib/domain/state-graph";
import { graphOf, PENDING_STATUSES } from "@/lib/server/commands/action-context";
import { currentRunbook } from "@/lib/server/runbooks/current-runbook";
import { MAX_BULK_CASES } from "@/lib/validation/command";

type IncidentFacts = { type: IncidentType; processId: string; sloId: string | null; details: unknown; openedAt: Date; affectedCaseIds: unknown };

const text = (v: unknown): string | null => (typeof v === "string" && v.length > 0 ? v : null);

/** Case ids for an action, leaving out cases that already have a command in flight (they would be refused). */
async function ids(db: Db, where: Prisma.CaseWhereInput): Promise<string[]> {
  const idle: Prisma.CaseWhereInput = { ...where, commands: { none: { status: { in: [...PENDING_STATUSES] } } } };
  const rows = await db.case.findMany({ where: idle, select: { id: true }, orderBy: [{ stateEnteredAt: "desc" }, { id: "desc" }], take: MAX_BULK_CASES });
  return rows.map((r) => r.id);
}

/**
 * For an SLO burning on failures, the step that fails most in the last hour (and its
 * provider): where the outage runbook's actions should point.
 */
async function failingStep(db: Db, processId: string, now: Date): Promise<{ state: string | null; provider: string | null }> {
  const rows = await db.event.groupBy({
    by: ["state", "provider"],
    where: { processId, type: "step.failed", at: { gte: new Date(now.getTime() - 60 * 60_000), lte: now } },
    _count: { _all: true },
    orderBy: { _count: { state: "desc" } },
    take: 1,
  });
  return { state: rows[0]?.state ?? null, provider: rows[0]?.provider ?? null };
}

/**
 * What the runbook's steps would do for this incident now: the cases in flight on the
 * failing provider, those left with partial work, the stuck ones, those that failed on
 * the new version; the alternative providers and the paused states.
 */
async function actionContext(db: Db, processKey: string, incident: IncidentFacts, now: Date): Promise<ActionContext> {
  const details = (incident.details ?? {}) as Record<string, unknown>;
  let state = text(details.state);
  let provider = text(details.provider);
  if (incident.type === "slo_burn" && state === null) ({ state, provider } = await failingStep(db, incident.processId, now));
  const graph = await graphOf(db, incident.processId, null);
  const pauses = await db.processPause.findMany({ where: { processId: incident.processId }, select: { state: true } });
  const outage = (incident.type === "dependency_outage" || incident.type === "slo_burn") && state !== null;
  // Partial work: cases that failed in the failing step around the outage and were not compensated.
  const around = new Date(incident.openedAt.getTime() - 60 * 60_000);
  const newVersion = incident.type === "version_regression" ? text(details.newVersion) : null;
  const [inFlight, partial, stuck, failedOnVersion, erroringOnVersion] = await Promise.all([
    outage ? ids(db, { processId: incident.processId, stuckAfter: { not: null }, state, provider }) : Promise.resolve([]),
    outage ? ids(db, { processId: incident.processId, status: "failed", state, provider, finishedAt: { gte: around } }) : Promise.resolve([]),
    ids(db, { processId: incident.processId, stuckAfter: { lt: now } }),
    incident.type === "version_regression" ? Promise.resolve((incident.affectedCaseIds as string[]) ?? []) : Promise.resolve([]),
    newVersion ? ids(db, { processId: incident.processId, version: newVersion, stuckAfter: { not: null }, lastErrorCode: { not: null } }) : Promise.resolve([]),
  ]);
  return {
    processKey,
    state,
    provider,
    alternatives: graph && state ? alternativeProviders(graph, state, provider) : [],
    pausedStates: pauses.map((p) => p.state),
    inFlightCaseIds: inFlight,
    partialWorkCaseIds: partial,
    stuckCaseIds: stuck,
    failedOnVersionCaseIds: failedOnVersion,
    erroringOnVersionCaseIds: erroringOnVersion,
  };
}

/** The incident's runbook (the process's current version) with each step's concrete one-click action. */
export async function incidentRunbook(db: Db, incident: IncidentFacts, now: Date) {
  const process = await db.process.findUniqueOrThrow({ where: { id: incident.processId }, select: { key: true } });
  const slo = incident.sloId ? await db.slo.findUnique({ where: { id: incident.sloId }, select: { sli: true } }) : null;
  const kind = runbookKindFor(incident.type, slo?.sli ?? null);
  const [runbook, context] = await Promise.all([currentRunbook(db, incident.processId, kind), actionContext(db, process.key, incident, now)]);
  return {
    kind,
    title: RUNBOOK_TITLES[kind],
    version: runbook.version,
    isDefault: runbook.isDefault,
    authorLabel: runbook.authorLabel,
    editedAt: runbook.createdAt?.toISOString() ?? null,
    sections: parseRunbook(runbook.body).map((section) => ({
      title: section.title,
      steps: section.steps.map((step) => ({ ...step, planned: step.action ? planAction(kind, step.action, context) : null })),
    })),
  };
}
