import { apiRoute } from "@/lib/auth/route";
import { json } from "@/lib/http/respond";
import { rotateScheduleFeedToken } from "@/lib/server/oncall/rotate-ical-token";

export const dynamic = "force-dynamic";

/** A new subscription URL for the schedule's calendar feed, shown once; the previous one stops working. */
export const POST = apiRoute<{ id: string }>("schedules:manage", async (_request, ctx) => {
  return json(await rotateScheduleFeedToken(ctx, { scheduleId: ctx.params.id }), 201);
});
