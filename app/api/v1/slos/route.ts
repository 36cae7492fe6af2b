import { apiRoute } from "@/lib/auth/route";
import { readJson } from "@/lib/http/read-body";
import { json } from "@/lib/http/respond";
import { saveSlo } from "@/lib/server/slos/save-slo";
import { ZSloInput } from "@/lib/validation/slo";

export const dynamic = "force-dynamic";

/** Creates an SLO for a process the caller's team owns (see docs/api.md). */
export const POST = apiRoute("slos:edit", async (request, ctx) => {
  return json(await saveSlo(ctx, ZSloInput.parse(await readJson(request, 64 * 1024))), 201);
});
