import "server-only";
import { decodeCursor, encodeCursor } from "@/lib/pagination";
import { authorize } from "@/lib/server/authorize";
import { caseWhere } from "@/lib/server/cases/case-filter";
import { CASE_VIEW_SELECT, toCaseView, type CaseView } from "@/lib/server/cases/case-view";
import type { Ctx } from "@/lib/server/context";
import type { TListCases } from "@/lib/validation/case";

export type CaseList = { cases: CaseView[]; nextCursor: string | null };

/**
 * Cases by state entry, newest first (API.md) or oldest first (longest in their
 * state: the stuck list's default), keyset-paginated (API.md `GET /api/v1/cases`).
 */
export async function listCases(ctx: Ctx, input: TListCases, now = new Date()): Promise<CaseList> {
  authorize(ctx.actor, "cases:read");
  const where = await caseWhere(ctx.db, input, now);
  if (!where) return { cases: [], nextCursor: null };
  const desc = input.sort === "newest";
  if (input.cursor) {
    const after = decodeCursor(input.cursor);
    const beyond = desc ? { lt: after.at } : { gt: after.at };
    const idBeyond = desc ? { lt: after.id } : { gt: after.id };
    where.AND = [{ OR: [{ stateEnteredAt: beyond }, { stateEnteredAt: after.at, id: idBeyond }] }];
  }
  const direction = desc ? "desc" : "asc";
  const rows = await ctx.db.case.findMany({
    where,
    orderBy: [{ stateEnteredAt: direction }, { id: direction }],
    take: input.limit + 1,
    select: CASE_VIEW_SELECT,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    cases: page.map((row) => toCaseView(row, now)),
    nextCursor: rows.length > input.limit && last ? encodeCursor({ at: last.stateEnteredAt, id: last.id }) : null,
  };
}
