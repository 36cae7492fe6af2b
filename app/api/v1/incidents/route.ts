import { apiRoute } from "@/lib/auth/route";
import { queryOf } from "@/lib/http/query";
import { json } from "@/lib/http/respond";
import { listIncidents } from "@/lib/server/incidents/list-incidents";
import { ZIncidentQuery } from "@/lib/validation/incident";

export const dynamic = "force-dynamic";

export const GET = apiRoute("incidents:read", async (request, ctx) => {
  return json(await listIncidents(ctx, ZIncidentQuery.parse(queryOf(request))));
});
