import { apiRoute } from "@/lib/auth/route";
import { readJson } from "@/lib/http/read-body";
import { json } from "@/lib/http/respond";
import { reassignIncident } from "@/lib/server/incidents/reassign-incident";
import { ZReassignIncident } from "@/lib/validation/incident";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ id: string }>("incidents:respond", async (request, ctx) => {
  const input = ZReassignIncident.parse(await readJson(request, 8 * 1024));
  return json(await reassignIncident(ctx, { ...input, id: ctx.params.id }));
});
