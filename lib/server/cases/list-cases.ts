import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { decodeCursor, encodeCursor } from "@/lib/pagination";
import { authorize } from "@/lib/server/authorize";
import { CASE_VIEW_SELECT, toCaseView, type CaseView } from "@/lib/server/cases/case-view";
import type { Ctx } from "@/lib/server/context";
import type { TListCases } from "@/lib/validation/case";

export type CaseList = { cases: CaseView[]; nextCursor: string | null };

/** The where clause of a case filter; stuck means open and past its state's threshold at `now`. */
export function caseFilter(input: Omit<TListCases, "limit" | "cursor">, processId: string | undefined, now: Date) {
  const where: Prisma.CaseWhereInput = {};
  if (processId) where.processId = processId;
  if (input.state) where.state = input.state;
  if (input.status) where.status = input.status;
  if (input.stuck === true) where.stuckAfter = { lt: now };
  if (input.stuck === false) where.OR = [{ stuckAfter: null }, { stuckAfter: { gte: now } }];
  return where;
}

/** Cases, newest state entry first, keyset-paginated (API.md `GET /api/v1/cases`). */
export async function listCases(ctx: Ctx, input: TListCases, now = new Date()): Promise<CaseList> {
  authorize(ctx.actor, "cases:read");
  let processId: string | undefined;
  if (input.process) {
    const process = await ctx.db.process.findUnique({ where: { key: input.process }, select: { id: true } });
    if (!process) return { cases: [], nextCursor: null };
    processId = process.id;
  }
  const where = caseFilter(input, processId, now);
  if (input.cursor) {
    const after = decodeCursor(input.cursor);
    where.AND = [
      {
        OR: [{ stateEnteredAt: { lt: after.at } }, { stateEnteredAt: after.at, id: { lt: after.id } }],
      },
    ];
  }
  const rows = await ctx.db.case.findMany({
    where,
    orderBy: [{ stateEnteredAt: "desc" }, { id: "desc" }],
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
