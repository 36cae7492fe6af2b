import "server-only";
import { generateApiKey, type Scope } from "@/lib/auth/api-key";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { authorize } from "@/lib/server/authorize";
import type { Ctx } from "@/lib/server/context";

/** Adds a key to an existing source (rotation); the key is returned once. */
export async function createApiKey(ctx: Ctx, input: { sourceId: string; scopes: Scope[] }) {
  authorize(ctx.actor, "sources:manage");
  const key = generateApiKey();
  return ctx.db.$transaction(async (tx) => {
    const source = await tx.source.findUnique({ where: { id: input.sourceId }, select: { id: true } });
    if (!source) throw new AppError("not_found", `No source with id ${input.sourceId}.`);
    await tx.apiKey.create({ data: { id: key.id, sourceId: source.id, secretHash: key.secretHash, scopes: input.scopes } });
    await writeAudit(tx, ctx.actor, {
      action: "api_key.create",
      targetType: "api_key",
      targetId: key.id,
      after: { sourceId: source.id, scopes: input.scopes },
    });
    return { keyId: key.id, apiKey: key.token };
  });
}
