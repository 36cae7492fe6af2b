import { apiRoute } from "@/lib/auth/route";
import { readJson } from "@/lib/http/read-body";
import { json } from "@/lib/http/respond";
import { saveOverride } from "@/lib/server/oncall/save-override";
import { ZOverrideInput } from "@/lib/validation/schedule";

export const dynamic = "force-dynamic";

/** Adds an override: someone covers a level (or one person on it) for a while. */
export const POST = apiRoute<{ id: string }>("schedules:manage", async (request, ctx) => {
  const input = ZOverrideInput.parse(await readJson(request, 16 * 1024));
  return json(await saveOverride(ctx, { ...input, scheduleId: ctx.params.id }), 201);
});
