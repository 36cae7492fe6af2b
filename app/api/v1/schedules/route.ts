import { apiRoute } from "@/lib/auth/route";
import { readJson } from "@/lib/http/read-body";
import { json } from "@/lib/http/respond";
import { saveSchedule } from "@/lib/server/oncall/save-schedule";
import { ZCreateSchedule } from "@/lib/validation/schedule";

export const dynamic = "force-dynamic";

/** Creates a team's schedule with its layers (managers and admins). */
export const POST = apiRoute("schedules:manage", async (request, ctx) => {
  const { teamId, ...input } = ZCreateSchedule.parse(await readJson(request, 64 * 1024));
  return json(await saveSchedule(ctx, { ...input, teamId }), 201);
});
