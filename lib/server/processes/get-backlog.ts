import "server-only";
import { backlogSeries, NO_STATE } from "@/lib/domain/backlog";
import type { StateGraph } from "@/lib/domain/state-graph";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/server/authorize";
import type { Ctx } from "@/lib/server/context";
import type { TBacklogQuery } from "@/lib/validation/process";

/** States in the order of the newest version's graph, then any others by name. */
function orderStates(seen: Set<string>, graph: StateGraph | null): string[] {
  const ordered = (graph?.states ?? []).map((s) => s.name).filter((s) => seen.has(s));
  const rest = [...seen].filter((s) => !ordered.includes(s)).sort();
  return [...ordered, ...rest];
}

/**
 * Open cases per state at each step of [from, to] (API.md `GET
 * /api/v1/processes/{key}/backlog`), from the per-minute backlog deltas: no case or
 * event is read. The point at `to` equals the live count.
 */
export async function getBacklog(ctx: Ctx, input: { key: string } & TBacklogQuery) {
  authorize(ctx.actor, "processes:read");
  const process = await ctx.db.process.findUnique({
    where: { key: input.key },
    select: { id: true, key: true, versions: { orderBy: { createdAt: "desc" }, take: 1, select: { graph: true } } },
  });
  if (!process) throw new AppError("not_found", `No process with key ${input.key}.`);

  const [base, deltas] = await Promise.all([
    ctx.db.backlogDelta.groupBy({
      by: ["state"],
      where: { processId: process.id, minute: { lte: input.from } },
      _sum: { delta: true },
    }),
    ctx.db.backlogDelta.findMany({
      where: { processId: process.id, minute: { gt: input.from, lte: input.to } },
      orderBy: { minute: "asc" },
      select: { state: true, minute: true, delta: true },
    }),
  ]);
  const points: Date[] = [];
  for (let t = input.from.getTime(); t < input.to.getTime(); t += input.stepSec * 1000) points.push(new Date(t));
  points.push(input.to);

  const series = backlogSeries(
    Object.fromEntries(base.map((b) => [b.state, b._sum.delta ?? 0])),
    deltas,
    points,
  );
  const seen = new Set([...base.map((b) => b.state), ...deltas.map((d) => d.state)]);
  const states = orderStates(seen, (process.versions[0]?.graph ?? null) as StateGraph | null).filter((state) =>
    series.some((p) => (p.counts[state] ?? 0) !== 0),
  );
  return {
    process: process.key,
    from: input.from,
    to: input.to,
    stepSec: input.stepSec,
    states: states.map((s) => (s === NO_STATE ? "(no state)" : s)),
    points: series.map((p) => ({
      at: p.at,
      counts: Object.fromEntries(states.map((s) => [s === NO_STATE ? "(no state)" : s, p.counts[s] ?? 0])),
      total: states.reduce((sum, s) => sum + (p.counts[s] ?? 0), 0),
    })),
  };
}
