import "server-only";
import { authorize } from "@/lib/server/authorize";
import type { Ctx } from "@/lib/server/context";

/** Sources with their keys (never the hashes). */
export async function listSources(ctx: Ctx) {
  authorize(ctx.actor, "sources:manage");
  return ctx.db.source.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      createdAt: true,
      apiKeys: {
        orderBy: { createdAt: "asc" },
        select: { id: true, scopes: true, createdAt: true, lastUsedAt: true, revokedAt: true },
      },
    },
  });
}
