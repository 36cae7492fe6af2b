import "server-only";
import { normalizeRunbook, runbookProblems, RUNBOOK_TITLES, type RunbookKind } from "@/lib/domain/runbook";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { actorLabel, type Ctx } from "@/lib/server/context";
import { isUniqueViolation } from "@/lib/server/prisma-errors";
import { currentRunbook } from "@/lib/server/runbooks/current-runbook";
import { loadRunbooks } from "@/lib/server/runbooks/get-runbooks";
import { authorizeOwner } from "@/lib/server/slos/owner";
import type { TRunbook } from "@/lib/validation/runbook";

/**
 * Saves a runbook of a process the actor's team owns as its next version, with the
 * audit row in the same transaction. A body identical to the current one saves nothing.
 * Two saves racing for the same version number: the unique index lets one win and the
 * other is refused as a conflict, so no edit is silently lost.
 */
export async function saveRunbook(ctx: Ctx, input: TRunbook & { key: string; kind: RunbookKind }) {
  const body = normalizeRunbook(input.body);
  const problems = runbookProblems(body);
  if (problems.length > 0) {
    throw new AppError("invalid_request", "The runbook is not valid.", problems.map((message) => ({ path: ["body"], message, code: "custom" })));
  }
  const title = RUNBOOK_TITLES[input.kind];
  try {
    return await ctx.db.$transaction(async (tx) => {
      const process = await authorizeOwner(tx, ctx.actor, "runbooks:edit", input.key);
      const current = await currentRunbook(tx, process.id, input.kind);
      const saved = current.body !== body;
      if (saved) {
        if (input.baseVersion !== undefined && input.baseVersion !== current.version) {
          throw new AppError(
            "conflict",
            `${current.authorLabel ?? "Someone"} saved version ${current.version} of this runbook after you opened version ${input.baseVersion}; reload it and apply your change again.`,
          );
        }
        if (input.restoredFrom !== undefined && input.restoredFrom > 0) {
          const source = await tx.runbook.findUnique({
            where: { processId_kind_version: { processId: process.id, kind: input.kind, version: input.restoredFrom } },
            select: { id: true },
          });
          if (!source) throw new AppError("invalid_request", `There is no version ${input.restoredFrom} to restore.`, [{ path: ["restoredFrom"], message: "is not a version of this runbook" }]);
        }
        const version = current.version + 1;
        await tx.runbook.create({
          data: {
            processId: process.id,
            kind: input.kind,
            version,
            body,
            authorId: ctx.actor.type === "user" ? ctx.actor.id : null,
            authorLabel: actorLabel(ctx.actor),
          },
          select: { id: true },
        });
        await writeAudit(tx, ctx.actor, {
          action: "runbook.update",
          targetType: "runbook",
          targetId: `${process.key}/${input.kind}`,
          processId: process.id,
          before: { kind: input.kind, version: current.version },
          after: { kind: input.kind, version, ...(input.restoredFrom !== undefined ? { restoredFrom: input.restoredFrom } : {}) },
        });
      }
      const [runbook] = await loadRunbooks(tx, process.id, [input.kind]);
      const { name } = await tx.process.findUniqueOrThrow({ where: { id: process.id }, select: { name: true } });
      return { saved, process: { key: process.key, name }, runbook: runbook! };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("conflict", `Someone else saved the ${title} runbook at the same moment; reload it to see their version, then apply your change again.`);
    }
    throw error;
  }
}
