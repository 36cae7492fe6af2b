import "server-only";
import { AppError } from "@/lib/errors";
import { canonicalJson } from "@/lib/domain/canonical-json";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { authorize } from "@/lib/server/authorize";
import type { Ctx } from "@/lib/server/context";
import { recomputeStuckAfter } from "@/lib/server/processes/recompute-stuck";
import { parseStuckThresholds, type TDefineProcess } from "@/lib/validation/process";

/**
 * Creates or updates a process definition (name, owning team, thresholds) and adds a
 * version. Published versions are immutable: the same version with another graph is a
 * conflict.
 */
export async function defineProcess(ctx: Ctx, input: TDefineProcess) {
  authorize(ctx.actor, "processes:define");
  return ctx.db.$transaction(async (tx) => {
    const team = input.team
      ? await tx.team.upsert({ where: { name: input.team }, create: { name: input.team }, update: {}, select: { id: true } })
      : null;
    const before = await tx.process.findUnique({ where: { key: input.key } });
    const data = {
      name: input.name,
      ...(team ? { teamId: team.id } : {}),
      ...(input.defaultStuckThresholdSec !== undefined ? { defaultStuckThresholdSec: input.defaultStuckThresholdSec } : {}),
      ...(input.stuckThresholds !== undefined ? { stuckThresholds: input.stuckThresholds } : {}),
    };
    const process = await tx.process.upsert({ where: { key: input.key }, create: { key: input.key, ...data }, update: data });

    if (input.version) {
      const graph = input.version.graph as unknown as Prisma.InputJsonValue;
      const existing = await tx.processVersion.findUnique({
        where: { processId_version: { processId: process.id, version: input.version.version } },
      });
      if (!existing) {
        await tx.processVersion.create({ data: { processId: process.id, version: input.version.version, graph } });
      } else if (canonicalJson(existing.graph) !== canonicalJson(graph)) {
        throw new AppError("conflict", `Version ${input.version.version} of ${input.key} is published and cannot change.`, [
          { path: ["version", "version"], message: "is already published with another graph" },
        ]);
      }
    }
    await recomputeStuckAfter(tx, process.id, {
      defaultThresholdSec: process.defaultStuckThresholdSec,
      stateThresholds: parseStuckThresholds(process.stuckThresholds),
    });
    await writeAudit(tx, ctx.actor, {
      action: before ? "process.update" : "process.create",
      targetType: "process",
      targetId: process.id,
      processId: process.id,
      before: before ? snapshot(before) : null,
      after: { ...snapshot(process), version: input.version?.version ?? null },
    });
    return { id: process.id, key: process.key };
  });
}

function snapshot(p: { name: string; teamId: string | null; defaultStuckThresholdSec: number; stuckThresholds: Prisma.JsonValue }) {
  return {
    name: p.name,
    teamId: p.teamId,
    defaultStuckThresholdSec: p.defaultStuckThresholdSec,
    stuckThresholds: p.stuckThresholds as Prisma.InputJsonValue,
  };
}
