import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/server/audit/write-audit";
import type { Ctx } from "@/lib/server/context";
import { evaluateAndStore } from "@/lib/server/slos/evaluate-slos";
import { authorizeOwner } from "@/lib/server/slos/owner";
import { SLO_SELECT, toSloView } from "@/lib/server/slos/slo-view";
import type { TSlo } from "@/lib/validation/slo";

function data(input: TSlo) {
  return {
    name: input.name,
    version: input.version || null,
    sli: input.sli,
    targetSec: input.sli === "cycle_time" ? (input.targetSec ?? null) : null,
    objective: input.objective / 100,
    windowDays: input.windowDays,
    tiers: input.tiers as unknown as Prisma.InputJsonValue,
    minBadEvents: input.minBadEvents,
  };
}

/**
 * Creates an SLO (or, with `id`, changes one) for a process the actor's team owns,
 * with its audit row, and evaluates the process at once so the new numbers show.
 */
export async function saveSlo(ctx: Ctx, input: TSlo & { id?: string }, now = new Date()) {
  return ctx.db.$transaction(async (tx) => {
    const process = await authorizeOwner(tx, ctx.actor, "slos:edit", input.process);
    let id: string;
    if (input.id) {
      const before = await tx.slo.findUnique({ where: { id: input.id } });
      if (!before || before.processId !== process.id) throw new AppError("not_found", `No SLO ${input.id} on ${input.process}.`);
      await tx.slo.update({ where: { id: before.id }, data: data(input) });
      id = before.id;
      await writeAudit(tx, ctx.actor, {
        action: "slo.update",
        targetType: "slo",
        targetId: id,
        processId: process.id,
        before: {
          name: before.name,
          version: before.version,
          sli: before.sli,
          targetSec: before.targetSec,
          objective: before.objective,
          windowDays: before.windowDays,
          tiers: before.tiers as Prisma.InputJsonValue,
          minBadEvents: before.minBadEvents,
        },
        after: data(input),
      });
    } else {
      id = (await tx.slo.create({ data: { processId: process.id, ...data(input) }, select: { id: true } })).id;
      await writeAudit(tx, ctx.actor, { action: "slo.create", targetType: "slo", targetId: id, processId: process.id, after: data(input) });
    }
    await evaluateAndStore(tx, process.id, now);
    return toSloView(await tx.slo.findUniqueOrThrow({ where: { id }, select: SLO_SELECT }));
  });
}

/** Deletes an SLO (and its alerts) of a process the actor's team owns. */
export async function deleteSlo(ctx: Ctx, input: { id: string }) {
  return ctx.db.$transaction(async (tx) => {
    const slo = await tx.slo.findUnique({ where: { id: input.id }, include: { process: { select: { key: true } } } });
    if (!slo) throw new AppError("not_found", `No SLO ${input.id}.`);
    await authorizeOwner(tx, ctx.actor, "slos:edit", slo.process.key);
    await tx.slo.delete({ where: { id: slo.id } });
    await writeAudit(tx, ctx.actor, {
      action: "slo.delete",
      targetType: "slo",
      targetId: slo.id,
      processId: slo.processId,
      before: { name: slo.name, sli: slo.sli, objective: slo.objective, windowDays: slo.windowDays },
    });
    return { id: slo.id };
  });
}
