import "server-only";
import { authorize } from "@/lib/server/authorize";
import type { Ctx } from "@/lib/server/context";
import type { SloStatus } from "@/lib/server/slos/evaluate-slo";
import { releaseFreeze } from "@/lib/server/slos/freeze";

const DAY_MS = 24 * 3600 * 1000;

/**
 * Every process with its live counts and its SLOs as last evaluated (API.md
 * `GET /api/v1/processes`). `failureRate` is the failure-rate SLI over the last 24 h:
 * finished cases that failed or needed an operator, of all finished; null when none
 * finished.
 */
export async function listProcesses(ctx: Ctx, now = new Date()) {
  authorize(ctx.actor, "processes:read");
  const since = new Date(now.getTime() - DAY_MS);
  const processes = await ctx.db.process.findMany({
    orderBy: { key: "asc" },
    select: {
      id: true,
      key: true,
      name: true,
      team: { select: { name: true } },
      slos: { orderBy: { createdAt: "asc" }, select: { id: true, name: true, sli: true, objective: true, status: true } },
    },
  });
  const freeze = await releaseFreeze(ctx.db, processes.map((p) => p.id));
  return Promise.all(
    processes.map(async (p) => {
      const [openCases, stuckCases, day] = await Promise.all([
        // stuck_after is set exactly for open cases (lib/domain/stuck.ts), and indexed.
        ctx.db.case.count({ where: { processId: p.id, stuckAfter: { not: null } } }),
        ctx.db.case.count({ where: { processId: p.id, stuckAfter: { lt: now } } }),
        ctx.db.statBucket.aggregate({
          where: { processId: p.id, minute: { gte: since } },
          _sum: { started: true, finished: true, completed: true, failed: true, cancelled: true, badOutcome: true },
        }),
      ]);
      const sum = day._sum;
      const finished = sum.finished ?? 0;
      return {
        key: p.key,
        name: p.name,
        owner: p.team?.name ?? null,
        openCases,
        stuckCases,
        failureRate: finished === 0 ? null : (sum.badOutcome ?? 0) / finished,
        last24h: { started: sum.started ?? 0, completed: sum.completed ?? 0, failed: sum.failed ?? 0, cancelled: sum.cancelled ?? 0 },
        freeze: freeze.get(p.id) ?? false,
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
    }),
  );
}
