import { apiRoute } from "@/lib/auth/route";
import { json } from "@/lib/http/respond";
import { getScheduleTimeline } from "@/lib/server/oncall/get-schedule-timeline";

export const dynamic = "force-dynamic";

/** Who is on call per level over the next 14 days, and the gaps. */
export const GET = apiRoute<{ id: string }>("teams:read", async (_request, ctx) => {
  return json(await getScheduleTimeline(ctx, { id: ctx.params.id }));
});
