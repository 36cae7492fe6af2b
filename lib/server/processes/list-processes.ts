import "server-only";
import { authorize } from "@/lib/server/authorize";
import type { Ctx } from "@/lib/server/context";

const DAY_MS = 24 * 3600 * 1000;

type Totals = { started: number; completed: number; failed: number; cancelled: number };

/** Share of cases finished in the window that failed (PRODUCT.md SLI 3); null without finished cases. */
function failureRate(t: Totals): number | null {
  const finished = t.completed + t.failed + t.cancelled;
  return finished === 0 ? null : t.failed / finished;
}

/** Every process with its live counts (API.md `GET /api/v1/processes`). */
export async function listProcesses(ctx: Ctx, now = new Date()) {
  authorize(ctx.actor, "processes:read");
  const since = new Date(now.getTime() - DAY_MS);
  const processes = await ctx.db.process.findMany({
    orderBy: { key: "asc" },
    select: { id: true, key: true, name: true, team: { select: { name: true } } },
  });
  return Promise.all(
    processes.map(async (p) => {
      const [openCases, stuckCases, day] = await Promise.all([
        // stuck_after is set exactly for open cases (lib/domain/stuck.ts), and indexed.
        ctx.db.case.count({ where: { processId: p.id, stuckAfter: { not: null } } }),
        ctx.db.case.count({ where: { processId: p.id, stuckAfter: { lt: now } } }),
        ctx.db.statBucket.aggregate({
          where: { processId: p.id, minute: { gte: since } },
          _sum: { started: true, completed: true, failed: true, cancelled: true },
        }),
      ]);
      const totals: Totals = {
        started: day._sum.started ?? 0,
        completed: day._sum.completed ?? 0,
        failed: day._sum.failed ?? 0,
        cancelled: day._sum.cancelled ?? 0,
      };
      return {
        key: p.key,
        name: p.name,
        owner: p.team?.name ?? null,
        openCases,
        stuckCases,
        failureRate: failureRate(totals),
        last24h: totals,
        slos: [] as unknown[],
      };
    }),
  );
}
