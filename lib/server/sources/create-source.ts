import "server-only";
import { generateApiKey } from "@/lib/auth/api-key";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { authorize } from "@/lib/server/authorize";
import type { Ctx } from "@/lib/server/context";
import { isUniqueViolation } from "@/lib/server/prisma-errors";
import type { TCreateSource } from "@/lib/validation/source";

/** Creates a source with its first API key; the key is returned once and stored hashed. */
export async function createSource(ctx: Ctx, input: TCreateSource) {
  authorize(ctx.actor, "sources:manage");
  const key = generateApiKey();
  try {
    return await ctx.db.$transaction(async (tx) => {
      const source = await tx.source.create({ data: { name: input.name }, select: { id: true, name: true } });
      await tx.apiKey.create({
        data: { id: key.id, sourceId: source.id, secretHash: key.secretHash, scopes: input.scopes },
      });
      await writeAudit(tx, ctx.actor, {
        action: "source.create",
        targetType: "source",
        targetId: source.id,
        after: { name: source.name, keyId: key.id, scopes: input.scopes },
      });
      return { source, keyId: key.id, scopes: input.scopes, apiKey: key.token };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("conflict", `A source named "${input.name}" already exists.`, [
        { path: ["name"], message: "is already taken" },
      ]);
    }
    throw error;
  }
}
