import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { actorLabel, type Actor, type Tx } from "@/lib/server/context";

export type AuditEntry = {
  action: string;
  targetType: string;
  targetId: string;
  processId?: string | null;
  caseId?: string | null;
  reason?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
};

function actorId(actor: Actor): string {
  switch (actor.type) {
    case "user":
      return actor.id;
    case "api_key":
      return actor.keyId;
    case "system":
      return actor.name;
  }
}

/** Writes the audit row of a mutation; call it inside the mutation's transaction. */
export async function writeAudit(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorType: actor.type,
      actorId: actorId(actor),
      actorLabel: actorLabel(actor),
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      processId: entry.processId ?? null,
      caseId: entry.caseId ?? null,
      reason: entry.reason ?? null,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
    },
  });
}
