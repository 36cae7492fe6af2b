import "server-only";
import { authorize } from "@/lib/server/authorize";
import { caseWhere } from "@/lib/server/cases/case-filter";
import type { Ctx } from "@/lib/server/context";
import type { TCaseFilter } from "@/lib/validation/case";

const DIMENSIONS = ["process", "state", "provider", "version"] as const;
export type FacetDimension = (typeof DIMENSIONS)[number];
export type Facet = { value: string; count: number };

const column = { process: "processId", state: "state", provider: "provider", version: "version" } as const;

/**
 * How many cases match the filter, and for each dimension how many would match for
 * each of its values with the other filters kept (the counts beside each filter option).
 */
export async function caseFacets(ctx: Ctx, filter: TCaseFilter, now = new Date()) {
  authorize(ctx.actor, "cases:read");
  const where = await caseWhere(ctx.db, filter, now);
  const total = where ? await ctx.db.case.count({ where }) : 0;
  const processKeys = new Map(
    (await ctx.db.process.findMany({ select: { id: true, key: true } })).map((p) => [p.id, p.key]),
  );
  const facets = {} as Record<FacetDimension, Facet[]>;
  await Promise.all(
    DIMENSIONS.map(async (dimension) => {
      const without = await caseWhere(ctx.db, { ...filter, [dimension]: undefined }, now);
      if (!without) {
        facets[dimension] = [];
        return;
      }
      const groups = await ctx.db.case.groupBy({ by: [column[dimension]], where: without, _count: { _all: true } });
      facets[dimension] = groups
        .map((g) => {
          const raw = (g as Record<string, unknown>)[column[dimension]] as string | null;
          const value = dimension === "process" ? (processKeys.get(raw ?? "") ?? "") : raw;
          return { value: value ?? "", count: g._count._all };
        })
        .filter((f) => f.value !== "")
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    }),
  );
  return { total, facets };
}
