import "server-only";
import { authorize } from "@/lib/server/authorize";
import type { Ctx } from "@/lib/server/context";
import type { SloStatus } from "@/lib/server/slos/evaluate-slo";
import { releaseFreeze } from "@/lib/server/slos/freeze";
import { floorMinute } from "@/lib/domain/time-range";
import { recentTotals, stuckCounts } from "@/lib/server/processes/recent-totals";

const DAY_MS = 24 * 3600 * 1000;

/** A process's unresolved incidents: how many, and the most severe (SEV1 first). */
function openIncidents(rows: { severity: "SEV1" | "SEV2" | "SEV3"; _count: { _all: number } }[]) {
  const severities = rows.map((r) => r.severity).sort();
  return { open: rows.reduce((n, r) => n + r._count._all, 0), worst: severities[0] ?? null };
}

/**
 * Every process with its live counts and its SLOs as last evaluated (API.md
 * `GET /api/v1/processes`). `failureRate` is the failure-rate SLI over the last 24 h:
 * finished cases that failed or needed an operator, of all finished; null when none
 * finished.
 */
export async function listProcesses(ctx: Ctx, now = new Date()) {
  authorize(ctx.actor, "processes:read");
  const processes = await ctx.db.process.findMany({
    orderBy: { key: "asc" },
    select: {
      id: true,
      key: true,
      name: true,
      team: { select: { name: true } },
      counter: { select: { open: true } },
      slos: { orderBy: { createdAt: "asc" }, select: { id: true, name: true, sli: true, objective: true, status: true } },
    },
  });
  const ids = processes.map((p) => p.id);
  const to = floorMinute(now.getTime());
  const [freeze, stuck, totals, incidents] = await Promise.all([
    releaseFreeze(ctx.db, ids),
    stuckCounts(ctx.db, ids, now),
    recentTotals(ctx.db, ids, to - DAY_MS, to),
    ctx.db.incident.groupBy({ by: ["processId", "severity"], where: { openKey: { not: null }, processId: { in: ids } }, _count: { _all: true } }),
  ]);
  return processes.map((p) => {
      const stuckCases = stuck.get(p.id) ?? 0;
      const sum = totals.get(p.id)!;
      const openCases = p.counter?.open ?? 0;
      const finished = sum.finished;
      return {
        key: p.key,
        name: p.name,
        owner: p.team?.name ?? null,
        openCases,
        stuckCases,
        failureRate: finished === 0 ? null : sum.badOutcome / finished,
        last24h: { started: sum.started, completed: sum.completed, failed: sum.failed, cancelled: sum.cancelled },
        freeze: freeze.get(p.id) ?? false,
        incidents: openIncidents(incidents.filter((i) => i.processId === p.id)),
        slos: p.slos.map((s) => {
          const status = s.status as SloStatus | null;
          return {
            id: s.id,
            name: s.name,
            sli: s.sli,
            objective: Math.round(s.objective * 1e6) / 1e4,
            budgetRemaining: status?.budgetRemaining ?? null,
            burn: { "5m": status?.burn["5m"] ?? null, "1h": status?.burn["1h"] ?? null, "6h": status?.burn["6h"] ?? null, "3d": status?.burn["3d"] ?? null },
            status: status?.health ?? null,
          };
        }),
      };
    });
}
