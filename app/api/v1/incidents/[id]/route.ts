import { apiRoute } from "@/lib/auth/route";
import { json } from "@/lib/http/respond";
import { getIncident } from "@/lib/server/incidents/get-incident";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>("incidents:read", async (_request, ctx) => {
  return json(await getIncident(ctx, { id: ctx.params.id }));
});
