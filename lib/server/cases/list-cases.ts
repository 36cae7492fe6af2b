import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { decodeCursor, encodeCursor, type Keyset } from "@/lib/pagination";
import { authorize } from "@/lib/server/authorize";
import { caseWhere } from "@/lib/server/cases/case-filter";
import { CASE_VIEW_SELECT, toCaseView, type CaseView } from "@/lib/server/cases/case-view";
import type { Ctx } from "@/lib/server/context";
import type { TListCases } from "@/lib/validation/case";

export type CaseList = { cases: CaseView[]; nextCursor: string | null };

function compare(a: Keyset, b: Keyset): number {
  return a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Cases by state entry, newest first (API.md) or oldest first (longest in their
 * state), keyset-paginated (API.md `GET /api/v1/cases`).
 */
export async function listCases(ctx: Ctx, input: TListCases, now = new Date()): Promise<CaseList> {
  authorize(ctx.actor, "cases:read");
  const where = await caseWhere(ctx.db, input, now);
  if (!where) return { cases: [], nextCursor: null };
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const page = input.stuck === true ? await stuckPage(ctx, where, input, after) : await orderedPage(ctx, where, input, after);
  const rows = page.slice(0, input.limit);
  const last = rows.at(-1);
  return {
    cases: rows.map((row) => toCaseView(row, now)),
    nextCursor: page.length > input.limit && last ? encodeCursor({ at: last.stateEnteredAt, id: last.id }) : null,
  };
}

/** The general case: an index on (process, state entry) gives the order. */
async function orderedPage(ctx: Ctx, where: Prisma.CaseWhereInput, input: TListCases, after: Keyset | null) {
  const desc = input.sort === "newest";
  if (after) {
    const beyond = desc ? { lt: after.at } : { gt: after.at };
    const idBeyond = desc ? { lt: after.id } : { gt: after.id };
    where.AND = [{ OR: [{ stateEnteredAt: beyond }, { stateEnteredAt: after.at, id: idBeyond }] }];
  }
  const direction = desc ? "desc" : "asc";
  return ctx.db.case.findMany({
    where,
    orderBy: [{ stateEnteredAt: direction }, { id: direction }],
    take: input.limit + 1,
    select: CASE_VIEW_SELECT,
  });
}

/**
 * Stuck cases are few, and found through (process_id, stuck_after). Asking for them in
 * state-entry order with a LIMIT tempts the planner to walk the state-entry index
 * instead and filter (a whole process when nothing is stuck: docs/benchmarks.md), so
 * the stuck set's keys are read unordered, sorted here, and the page fetched by id.
 */
async function stuckPage(ctx: Ctx, where: Prisma.CaseWhereInput, input: TListCases, after: Keyset | null) {
  const sign = input.sort === "newest" ? -1 : 1;
  const keys = (await ctx.db.case.findMany({ where, select: { id: true, stateEnteredAt: true } }))
    .map((k) => ({ at: k.stateEnteredAt, id: k.id }))
    .filter((k) => !after || sign * compare(k, after) > 0)
    .sort((a, b) => sign * compare(a, b))
    .slice(0, input.limit + 1);
  const rows = await ctx.db.case.findMany({ where: { id: { in: keys.map((k) => k.id) } }, select: CASE_VIEW_SELECT });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return keys.flatMap((k) => byId.get(k.id) ?? []);
}
