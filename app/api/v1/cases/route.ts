import { apiRoute } from "@/lib/auth/route";
import { queryOf } from "@/lib/http/query";
import { json } from "@/lib/http/respond";
import { listCases } from "@/lib/server/cases/list-cases";
import { ZListCases } from "@/lib/validation/case";

export const dynamic = "force-dynamic";

export const GET = apiRoute("cases:read", async (request, ctx) => {
  return json(await listCases(ctx, ZListCases.parse(queryOf(request))));
});
