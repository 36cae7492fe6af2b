import { apiRoute } from "@/lib/auth/route";
import { readJson } from "@/lib/http/read-body";
import { json } from "@/lib/http/respond";
import { updateDetectors } from "@/lib/server/processes/update-detectors";
import { ZDetectorSettings } from "@/lib/validation/detectors";

export const dynamic = "force-dynamic";

export const PUT = apiRoute<{ key: string }>("processes:tune", async (request, ctx) => {
  const input = ZDetectorSettings.strict().parse(await readJson(request, 8 * 1024));
  return json(await updateDetectors(ctx, { ...input, process: ctx.params.key }));
});
