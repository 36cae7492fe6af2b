import { apiRoute } from "@/lib/auth/route";
import { readJson } from "@/lib/http/read-body";
import { json } from "@/lib/http/respond";
import { updateThresholds } from "@/lib/server/processes/update-thresholds";
import { ZProcessKey } from "@/lib/validation/event";
import { ZThresholdsInput } from "@/lib/validation/slo";

export const dynamic = "force-dynamic";

export const PUT = apiRoute<{ key: string }>("processes:tune", async (request, ctx) => {
  const input = ZThresholdsInput.parse(await readJson(request, 64 * 1024));
  return json(await updateThresholds(ctx, { ...input, process: ZProcessKey.parse(ctx.params.key) }));
});
