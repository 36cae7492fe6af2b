import { apiRoute } from "@/lib/auth/route";
import { json } from "@/lib/http/respond";
import { deleteOverride } from "@/lib/server/oncall/delete-override";

export const dynamic = "force-dynamic";

export const DELETE = apiRoute<{ id: string; overrideId: string }>("schedules:manage", async (_request, ctx) => {
  return json(await deleteOverride(ctx, { scheduleId: ctx.params.id, overrideId: ctx.params.overrideId }));
});
