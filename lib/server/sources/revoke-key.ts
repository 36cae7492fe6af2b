import "server-only";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { authorize } from "@/lib/server/authorize";
import type { Ctx } from "@/lib/server/context";

/** Revokes an API key; revoking a revoked key is refused so the operator notices. */
export async function revokeKey(ctx: Ctx, input: { keyId: string }) {
  authorize(ctx.actor, "sources:manage");
  return ctx.db.$transaction(async (tx) => {
    const now = new Date();
    // The state check sits in the write's where clause: no check-then-write race.
    const { count } = await tx.apiKey.updateMany({ where: { id: input.keyId, revokedAt: null }, data: { revokedAt: now } });
    if (count === 0) {
      const exists = await tx.apiKey.findUnique({ where: { id: input.keyId }, select: { revokedAt: true } });
      if (!exists) throw new AppError("not_found", `No API key with id ${input.keyId}.`);
      throw new AppError("conflict", `API key ${input.keyId} was already revoked at ${exists.revokedAt?.toISOString()}.`);
    }
    const key = await tx.apiKey.findUniqueOrThrow({ where: { id: input.keyId }, select: { id: true, sourceId: true } });
    await writeAudit(tx, ctx.actor, {
      action: "api_key.revoke",
      targetType: "api_key",
      targetId: key.id,
      before: { revokedAt: null },
      after: { revokedAt: now.toISOString() },
    });
    return { keyId: key.id, sourceId: key.sourceId, revokedAt: now };
  });
}
