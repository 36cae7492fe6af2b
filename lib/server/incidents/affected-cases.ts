import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/context";
import type { AffectedScope } from "@/lib/server/incidents/gather-findings";

/** An incident keeps at most this many case ids; the count is always exact. */
export const AFFECTED_ID_LIMIT = 500;

function where(processId: string, scope: AffectedScope, now: Date): Prisma.CaseWhereInput | null {
  switch (scope.kind) {
    case "stuck":
      return { processId, stuckAfter: { lt: now } };
    case "in_flight":
      // The open cases sitting in the failing step with that provider: the ones to reroute.
      return { processId, stuckAfter: { not: null }, state: scope.state, provider: scope.provider };
    case "failed_on_version":
      return { processId, version: scope.version, finishedAt: { gte: scope.since }, status: { in: ["failed", "compensated"] } };
    case "none":
      return null;
  }
}

/** The cases an incident is about right now: their ids (newest state entry first) and how many. */
export async function affectedCases(tx: Tx, processId: string, scope: AffectedScope, now: Date): Promise<{ ids: string[]; count: number }> {
  const filter = where(processId, scope, now);
  if (!filter) return { ids: [], count: 0 };
  const [rows, count] = await Promise.all([
    tx.case.findMany({ where: filter, select: { id: true }, orderBy: [{ stateEnteredAt: "desc" }, { id: "desc" }], take: AFFECTED_ID_LIMIT }),
    tx.case.count({ where: filter }),
  ]);
  return { ids: rows.map((r) => r.id), count };
}
