import "server-only";
import { stuckStatusFromInstant } from "@/lib/domain/stuck";
import type { CaseStatus } from "@/lib/domain/case";
import type { CommandStatus } from "@/lib/generated/prisma/client";

const PENDING: CommandStatus[] = ["requested", "delivered"];

/** The columns every case view reads (Prisma select). */
export const CASE_VIEW_SELECT = {
  id: true,
  version: true,
  status: true,
  state: true,
  stateEnteredAt: true,
  startedAt: true,
  finishedAt: true,
  provider: true,
  attempts: true,
  retries: true,
  compensations: true,
  lastErrorCode: true,
  lastErrorMessage: true,
  lastIdempotencyKey: true,
  assignee: true,
  stuckAfter: true,
  updatedAt: true,
  process: { select: { key: true, name: true } },
  commands: {
    where: { status: { in: PENDING } },
    orderBy: { requestedAt: "desc" },
    take: 1,
    select: { id: true, type: true, status: true, requestedAt: true },
  },
} as const;

type CaseViewRow = {
  id: string;
  version: string | null;
  status: CaseStatus;
  state: string | null;
  stateEnteredAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  provider: string | null;
  attempts: number;
  retries: number;
  compensations: number;
  lastErrorCode: string | null;
  lastErrorMessage: string | null;
  lastIdempotencyKey: string | null;
  assignee: string | null;
  stuckAfter: Date | null;
  updatedAt: Date;
  process: { key: string; name: string };
  commands: { id: string; type: string; status: string; requestedAt: Date }[];
};

/** A case as API.md and the UI show it: the projection plus the stuck verdict at `now`. */
export function toCaseView(row: CaseViewRow, now: Date) {
  const stuck = stuckStatusFromInstant(row, now);
  return {
    id: row.id,
    process: row.process.key,
    processName: row.process.name,
    version: row.version,
    status: row.status,
    state: row.state,
    stateEnteredAt: row.stateEnteredAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    provider: row.provider,
    attempts: row.attempts,
    retries: row.retries,
    compensations: row.compensations,
    lastError: row.lastErrorCode === null ? null : { code: row.lastErrorCode, message: row.lastErrorMessage ?? "" },
    lastIdempotencyKey: row.lastIdempotencyKey,
    assignee: row.assignee,
    stuck: stuck?.stuck ?? false,
    stuckFor: stuck?.stuckForSec ?? 0,
    inStateFor: stuck?.inStateSec ?? null,
    thresholdSec: stuck?.thresholdSec ?? null,
    /** A command sent for this case and not acknowledged yet, if any. */
    pendingCommand: row.commands[0] ?? null,
    updatedAt: row.updatedAt,
  };
}

export type CaseView = ReturnType<typeof toCaseView>;
