import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import type { Ctx } from "@/lib/server/context";
import { authorizeOwner } from "@/lib/server/slos/owner";
import { detectorOptions, type TDetectorSettings } from "@/lib/validation/detectors";

/** A process owner tunes the process's incident thresholds; left-out ones go back to the defaults. */
export async function updateDetectors(ctx: Ctx, input: TDetectorSettings & { process: string }) {
  return ctx.db.$transaction(async (tx) => {
    const { id } = await authorizeOwner(tx, ctx.actor, "processes:tune", input.process);
    const before = await tx.process.findUniqueOrThrow({ where: { id }, select: { detectors: true } });
    const { process: _key, ...settings } = input;
    await tx.process.update({ where: { id }, data: { detectors: settings } });
    await writeAudit(tx, ctx.actor, {
      action: "process.detectors",
      targetType: "process",
      targetId: id,
      processId: id,
      before: before.detectors as Prisma.InputJsonValue,
      after: settings,
    });
    return { settings, effective: detectorOptions(settings) };
  });
}
