import { apiRoute } from "@/lib/auth/route";
import { readOptionalJson } from "@/lib/http/read-body";
import { json } from "@/lib/http/respond";
import { escalateIncident } from "@/lib/server/incidents/escalate-incident";
import { ZIncidentResponse } from "@/lib/validation/incident";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ id: string }>("incidents:respond", async (request, ctx) => {
  const input = ZIncidentResponse.parse(await readOptionalJson(request, 8 * 1024));
  return json(await escalateIncident(ctx, { ...input, id: ctx.params.id }));
});
