import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { decodeCursor, encodeCursor } from "@/lib/pagination";
import { authorize } from "@/lib/server/authorize";
import type { Ctx } from "@/lib/server/context";
import type { TAuditQuery } from "@/lib/validation/audit";

/** Audit entries, newest first, keyset-paginated; read-only by design. */
export async function listAudit(ctx: Ctx, input: TAuditQuery) {
  authorize(ctx.actor, "audit:read");
  const where: Prisma.AuditLogWhereInput = {};
  if (input.actor) where.actorLabel = { contains: input.actor, mode: "insensitive" };
  if (input.action) where.action = { startsWith: input.action };
  if (input.case) where.caseId = input.case;
  if (input.process) {
    const process = await ctx.db.process.findUnique({ where: { key: input.process }, select: { id: true } });
    where.processId = process?.id ?? "-";
  }
  if (input.from || input.to) where.at = { ...(input.from ? { gte: new Date(input.from) } : {}), ...(input.to ? { lte: new Date(input.to) } : {}) };
  if (input.cursor) {
    const after = decodeCursor(input.cursor);
    where.AND = [{ OR: [{ at: { lt: after.at } }, { at: after.at, id: { lt: BigInt(after.id) } }] }];
  }
  const rows = await ctx.db.auditLog.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], take: input.limit + 1 });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    entries: page.map((r) => ({ ...r, id: r.id.toString() })),
    nextCursor: rows.length > input.limit && last ? encodeCursor({ at: last.at, id: last.id.toString() }) : null,
  };
}
