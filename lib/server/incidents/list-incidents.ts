import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorize } from "@/lib/server/authorize";
import type { Ctx } from "@/lib/server/context";
import type { TIncidentQuery } from "@/lib/validation/incident";

export const INCIDENT_ROW_SELECT = {
  id: true,
  type: true,
  key: true,
  severity: true,
  status: true,
  title: true,
  summary: true,
  openedAt: true,
  acknowledgedAt: true,
  resolvedAt: true,
  escalationLevel: true,
  nextEscalationAt: true,
  affectedCases: true,
  sloId: true,
  process: { select: { key: true, name: true } },
  team: { select: { id: true, name: true } },
  assignee: { select: { id: true, name: true, email: true } },
} as const satisfies Prisma.IncidentSelect;

type Row = Prisma.IncidentGetPayload<{ select: typeof INCIDENT_ROW_SELECT }>;

/** API.md's incident, extended with what a person needs to triage it. */
export function toIncidentRow(r: Row) {
  return {
    id: r.id,
    type: r.type,
    key: r.key,
    process: r.process?.key ?? null,
    processName: r.process?.name ?? null,
    team: r.team,
    severity: r.severity,
    status: r.status,
    title: r.title,
    summary: r.summary,
    openedAt: r.openedAt.toISOString(),
    acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
    assignee: r.assignee,
    escalationLevel: r.escalationLevel,
    nextEscalationAt: r.nextEscalationAt?.toISOString() ?? null,
    affectedCases: r.affectedCases,
    sloId: r.sloId,
  };
}
export type IncidentRow = ReturnType<typeof toIncidentRow>;

/** Incidents matching the filters, newest first. */
export async function listIncidents(ctx: Ctx, query: TIncidentQuery) {
  authorize(ctx.actor, "incidents:read");
  const where: Prisma.IncidentWhereInput = {
    ...(query.status === "unresolved" ? { status: { in: ["open", "acknowledged"] } } : query.status ? { status: query.status } : {}),
    ...(query.process ? { process: { key: query.process } } : {}),
    ...(query.type ? { type: query.type } : {}),
    ...(query.severity ? { severity: query.severity } : {}),
  };
  const rows = await ctx.db.incident.findMany({ where, select: INCIDENT_ROW_SELECT, orderBy: [{ openedAt: "desc" }, { id: "desc" }], take: query.limit });
  return { incidents: rows.map(toIncidentRow) };
}
