import "server-only";
import type { Db } from "@/lib/db";
import { RUNBOOK_KINDS, RUNBOOK_TITLES, type RunbookKind } from "@/lib/domain/runbook";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/server/authorize";
import type { Ctx, Tx } from "@/lib/server/context";
import { defaultRunbook, type CurrentRunbook } from "@/lib/server/runbooks/current-runbook";

export type RunbookVersionSummary = { version: number; authorLabel: string | null; createdAt: Date | null };

/** A runbook as the pages and the API show it: the current version and every version before it. */
export type RunbookDetail = CurrentRunbook & {
  title: string;
  /** Newest first; the last entry is always version 0, the built-in runbook. */
  history: RunbookVersionSummary[];
};

export type ProcessRef = { id: string; key: string; name: string };

export async function findProcess(db: Db | Tx, key: string): Promise<ProcessRef> {
  const process = await db.process.findUnique({ where: { key }, select: { id: true, key: true, name: true } });
  if (!process) throw new AppError("not_found", `No process with key ${key}.`);
  return process;
}

/**
 * The runbooks of `kinds` for a process, in two queries: the version list (no bodies),
 * then the body of each kind's newest version. Kinds never saved use the built-in one.
 */
export async function loadRunbooks(db: Db | Tx, processId: string, kinds: readonly RunbookKind[]): Promise<RunbookDetail[]> {
  const versions = await db.runbook.findMany({
    where: { processId, kind: { in: [...kinds] } },
    orderBy: [{ kind: "asc" }, { version: "desc" }],
    select: { kind: true, version: true, authorLabel: true, createdAt: true },
  });
  const newest = kinds.flatMap((kind) => versions.find((v) => v.kind === kind) ?? []);
  const bodies = newest.length
    ? await db.runbook.findMany({
        where: { processId, OR: newest.map((v) => ({ kind: v.kind, version: v.version })) },
        select: { kind: true, body: true },
      })
    : [];
  return kinds.map((kind) => {
    const saved = versions.filter((v) => v.kind === kind);
    const base = defaultRunbook(kind);
    const head = saved[0];
    const current: CurrentRunbook = head
      ? { kind, version: head.version, body: bodies.find((b) => b.kind === kind)!.body, authorLabel: head.authorLabel, createdAt: head.createdAt, isDefault: false }
      : base;
    return {
      ...current,
      title: RUNBOOK_TITLES[kind],
      history: [
        ...saved.map((v) => ({ version: v.version, authorLabel: v.authorLabel, createdAt: v.createdAt })),
        { version: 0, authorLabel: null, createdAt: null },
      ],
    };
  });
}

/** The three runbooks of a process, each with its version history. */
export async function getRunbooks(ctx: Ctx, input: { key: string }) {
  authorize(ctx.actor, "processes:read");
  const process = await findProcess(ctx.db, input.key);
  return { process: { key: process.key, name: process.name }, runbooks: await loadRunbooks(ctx.db, process.id, RUNBOOK_KINDS) };
}

/** One runbook of a process with its version history. */
export async function getRunbook(ctx: Ctx, input: { key: string; kind: RunbookKind }) {
  authorize(ctx.actor, "processes:read");
  const process = await findProcess(ctx.db, input.key);
  const [runbook] = await loadRunbooks(ctx.db, process.id, [input.kind]);
  return { process: { key: process.key, name: process.name }, runbook: runbook! };
}
