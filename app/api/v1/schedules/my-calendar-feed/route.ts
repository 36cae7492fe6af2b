import { apiRoute } from "@/lib/auth/route";
import { json } from "@/lib/http/respond";
import { rotateUserFeedToken } from "@/lib/server/oncall/rotate-ical-token";

export const dynamic = "force-dynamic";

/** A new subscription URL for the signed-in user's own shifts, shown once; the previous one stops working. */
export const POST = apiRoute("teams:read", async (_request, ctx) => {
  return json(await rotateUserFeedToken(ctx), 201);
});
