import "server-only";
import { RUNBOOK_TITLES, type RunbookKind } from "@/lib/domain/runbook";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/server/authorize";
import type { Ctx } from "@/lib/server/context";
import { defaultRunbook } from "@/lib/server/runbooks/current-runbook";
import { findProcess } from "@/lib/server/runbooks/get-runbooks";

/** One version of a process's runbook, as it was saved; version 0 is the built-in runbook. */
export async function getRunbookVersion(ctx: Ctx, input: { key: string; kind: RunbookKind; version: number }) {
  authorize(ctx.actor, "processes:read");
  const process = await findProcess(ctx.db, input.key);
  const [row, newest] = await Promise.all([
    input.version === 0
      ? null
      : ctx.db.runbook.findUnique({
          where: { processId_kind_version: { processId: process.id, kind: input.kind, version: input.version } },
          select: { version: true, body: true, authorLabel: true, createdAt: true },
        }),
    ctx.db.runbook.findFirst({ where: { processId: process.id, kind: input.kind }, orderBy: { version: "desc" }, select: { version: true } }),
  ]);
  if (input.version !== 0 && !row) {
    throw new AppError("not_found", `The ${RUNBOOK_TITLES[input.kind]} runbook of ${process.key} has no version ${input.version}.`);
  }
  const runbook = row ? { kind: input.kind, ...row, isDefault: false } : defaultRunbook(input.kind);
  return {
    process: { key: process.key, name: process.name },
    runbook: { ...runbook, title: RUNBOOK_TITLES[input.kind], isCurrent: runbook.version === (newest?.version ?? 0) },
  };
}
