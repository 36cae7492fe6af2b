import "server-only";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/server/authorize";
import type { Ctx } from "@/lib/server/context";
import { SLO_SELECT, toSloView } from "@/lib/server/slos/slo-view";

/** One SLO with its last evaluation and its alerts (open first, then the last 20 resolved). */
export async function getSlo(ctx: Ctx, input: { id: string }) {
  authorize(ctx.actor, "processes:read");
  const row = await ctx.db.slo.findUnique({ where: { id: input.id }, select: SLO_SELECT });
  if (!row) throw new AppError("not_found", `No SLO ${input.id}.`);
  const alerts = await ctx.db.sloAlert.findMany({
    where: { sloId: input.id },
    orderBy: [{ resolvedAt: { sort: "desc", nulls: "first" } }, { openedAt: "desc" }],
    take: 25,
    select: { id: true, tier: true, severity: true, factor: true, openedAt: true, resolvedAt: true, burnLong: true, burnShort: true, budgetRemaining: true },
  });
  return { ...toSloView(row), alerts };
}

/** The SLOs of a process, for its page and the processes API. */
export async function listProcessSlos(ctx: Ctx, input: { processId: string }) {
  authorize(ctx.actor, "processes:read");
  const rows = await ctx.db.slo.findMany({ where: { processId: input.processId }, orderBy: { createdAt: "asc" }, select: SLO_SELECT });
  return rows.map(toSloView);
}
