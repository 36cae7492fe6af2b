import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import type { Ctx } from "@/lib/server/context";
import { recomputeStuckAfter } from "@/lib/server/processes/recompute-stuck";
import { authorizeOwner } from "@/lib/server/slos/owner";
import { parseStuckThresholds } from "@/lib/validation/process";
import type { TThresholdsInput } from "@/lib/validation/slo";

/**
 * A process owner sets the stuck thresholds: a default and per-state overrides (null
 * removes one). Every open case's stuck instant moves at once, in the same transaction
 * as the change and its audit row.
 */
export async function updateThresholds(ctx: Ctx, input: TThresholdsInput & { process: string }) {
  return ctx.db.$transaction(async (tx) => {
    const { id } = await authorizeOwner(tx, ctx.actor, "processes:tune", input.process);
    const before = await tx.process.findUniqueOrThrow({ where: { id }, select: { defaultStuckThresholdSec: true, stuckThresholds: true } });
    const overrides = Object.fromEntries(
      Object.entries(input.states)
        .filter((e): e is [string, number] => e[1] !== null)
        .map(([state, minutes]) => [state, minutes * 60]),
    );
    const after = { defaultStuckThresholdSec: input.defaultMinutes * 60, stuckThresholds: overrides };
    await tx.process.update({ where: { id }, data: after });
    const moved = await recomputeStuckAfter(tx, id, { defaultThresholdSec: after.defaultStuckThresholdSec, stateThresholds: parseStuckThresholds(overrides) });
    await writeAudit(tx, ctx.actor, {
      action: "process.thresholds",
      targetType: "process",
      targetId: id,
      processId: id,
      reason: input.reason,
      before: before as unknown as Prisma.InputJsonValue,
      after,
    });
    return { ...after, openCasesUpdated: moved };
  });
}
