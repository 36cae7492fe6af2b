import { apiRoute } from "@/lib/auth/route";
import { queryOf } from "@/lib/http/query";
import { json } from "@/lib/http/respond";
import { caseFacets } from "@/lib/server/cases/case-facets";
import { ZCaseFilter } from "@/lib/validation/case";

export const dynamic = "force-dynamic";

/** Counts per filter value for the case list (an addition to API.md, see docs/api.md; not under
 * /cases/ where it would shadow a case called "facets"). */
export const GET = apiRoute("cases:read", async (request, ctx) => {
  return json(await caseFacets(ctx, ZCaseFilter.parse(queryOf(request))));
});
