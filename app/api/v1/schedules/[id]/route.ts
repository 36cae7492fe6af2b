import { apiRoute } from "@/lib/auth/route";
import { readJson } from "@/lib/http/read-body";
import { json } from "@/lib/http/respond";
import { getSchedule } from "@/lib/server/oncall/get-schedule";
import { saveSchedule } from "@/lib/server/oncall/save-schedule";
import { ZScheduleInput } from "@/lib/validation/schedule";

export const dynamic = "force-dynamic";

/** The schedule's layers and its overrides that are not over yet. */
export const GET = apiRoute<{ id: string }>("teams:read", async (_request, ctx) => {
  return json(await getSchedule(ctx, { id: ctx.params.id }));
});

/** Replaces the schedule's name, zone and layers; overrides stay. */
export const PUT = apiRoute<{ id: string }>("schedules:manage", async (request, ctx) => {
  const input = ZScheduleInput.parse(await readJson(request, 64 * 1024));
  return json(await saveSchedule(ctx, { ...input, id: ctx.params.id }));
});
