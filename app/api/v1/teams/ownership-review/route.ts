import { apiRoute } from "@/lib/auth/route";
import { json } from "@/lib/http/respond";
import { ownershipReview } from "@/lib/server/teams/ownership-review";

export const dynamic = "force-dynamic";

/** Processes without an owner, teams without a schedule, schedules with gaps in the next 14 days (managers and admins). */
export const GET = apiRoute("teams:manage", async (_request, ctx) => {
  return json(await ownershipReview(ctx));
});
