import "server-only";
import { attribute } from "@/lib/domain/attribution";
import type { CaseBacklog } from "@/lib/domain/backlog";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorize } from "@/lib/server/authorize";
import type { Ctx } from "@/lib/server/context";

const LIMIT = 200;

/**
 * The cases that were bad for an SLO in [from, to) (a point of its burn chart), and
 * attribution: in which states those cases spent their time, so one sees which step
 * eats the budget. Cases count where the statistics count them: at their finish
 * (the stuck ratio: those open and stuck now).
 */
export async function badCases(ctx: Ctx, input: { id: string; from: Date; to: Date }, now = new Date()) {
  authorize(ctx.actor, "cases:read");
  const slo = await ctx.db.slo.findUnique({ where: { id: input.id } });
  if (!slo) throw new AppError("not_found", `No SLO ${input.id}.`);
  const finishedIn: Prisma.CaseWhereInput = { processId: slo.processId, finishedAt: { gte: input.from, lt: input.to }, ...(slo.version ? { version: slo.version } : {}) };
  let where: Prisma.CaseWhereInput;
  switch (slo.sli) {
    case "cycle_time": {
      // Not completed, or completed later than the target: compared in the database. A
      // finish before the start (an engine's clock) meets no target, as in the statistics.
      const ids = await ctx.db.$queryRaw<{ id: string }[]>`
        SELECT id FROM cases WHERE process_id = ${slo.processId} AND finished_at >= ${input.from} AND finished_at < ${input.to}
          AND (${slo.version}::text IS NULL OR version = ${slo.version})
          AND (status <> 'completed' OR started_at IS NULL OR finished_at < started_at
               OR finished_at - started_at > make_interval(secs => ${slo.targetSec ?? 0}))
        LIMIT ${LIMIT}`;
      where = { id: { in: ids.map((r) => r.id) } };
      break;
    }
    case "failure_rate":
      where = { ...finishedIn, OR: [{ status: { in: ["failed", "compensated"] } }, { intervened: true }] };
      break;
    case "retry_rate":
      where = { ...finishedIn, retries: { gt: 0 } };
      break;
    case "compensation_rate":
      where = { ...finishedIn, compensations: { gt: 0 } };
      break;
    case "stuck_ratio":
      where = { processId: slo.processId, stuckAfter: { lt: now } };
      break;
  }
  const cases = await ctx.db.case.findMany({
    where,
    take: LIMIT,
    orderBy: { finishedAt: "desc" },
    select: { id: true, status: true, state: true, startedAt: true, finishedAt: true, retries: true, compensations: true, lastErrorCode: true, backlogMoves: true },
  });
  return {
    cases: cases.map(({ backlogMoves: _moves, ...c }) => c),
    truncated: cases.length === LIMIT,
    attribution: attribute(cases.map((c) => c.backlogMoves as CaseBacklog), now),
  };
}

/** Open cases that will pass a cycle-time SLO's target within `withinSec` (and when). */
export async function breachingSoon(ctx: Ctx, input: { id: string; withinSec: number }, now = new Date()) {
  authorize(ctx.actor, "cases:read");
  const slo = await ctx.db.slo.findUnique({ where: { id: input.id } });
  if (!slo) throw new AppError("not_found", `No SLO ${input.id}.`);
  if (slo.sli !== "cycle_time" || !slo.targetSec) return { cases: [] };
  const target = slo.targetSec * 1000;
  const rows = await ctx.db.case.findMany({
    where: {
      processId: slo.processId,
      ...(slo.version ? { version: slo.version } : {}),
      openStartedAt: { gt: new Date(now.getTime() - target), lte: new Date(now.getTime() - target + input.withinSec * 1000) },
    },
    orderBy: { openStartedAt: "asc" },
    take: 200,
    select: { id: true, state: true, status: true, openStartedAt: true },
  });
  return {
    cases: rows.map((r) => ({ id: r.id, state: r.state, status: r.status, breachesAt: new Date(r.openStartedAt!.getTime() + target) })),
  };
}
