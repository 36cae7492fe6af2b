import "server-only";
import type { Db } from "@/lib/db";
import { DEFAULT_RUNBOOKS, type RunbookKind } from "@/lib/domain/runbook";
import type { Tx } from "@/lib/server/context";

export type CurrentRunbook = {
  kind: RunbookKind;
  version: number;
  body: string;
  authorLabel: string | null;
  createdAt: Date | null;
  isDefault: boolean;
};

/** The built-in runbook as version 0: what a process uses until its owner saves one. */
export function defaultRunbook(kind: RunbookKind): CurrentRunbook {
  return { kind, version: 0, body: DEFAULT_RUNBOOKS[kind], authorLabel: null, createdAt: null, isDefault: true };
}

/** The runbook of `kind` a process uses now: its newest saved version, or the built-in one as version 0. */
export async function currentRunbook(db: Db | Tx, processId: string, kind: RunbookKind): Promise<CurrentRunbook> {
  const row = await db.runbook.findFirst({
    where: { processId, kind },
    orderBy: { version: "desc" },
    select: { version: true, body: true, authorLabel: true, createdAt: true },
  });
  return row ? { kind, ...row, isDefault: false } : defaultRunbook(kind);
}
