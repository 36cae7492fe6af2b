import { apiRoute } from "@/lib/auth/route";
import { readJson } from "@/lib/http/read-body";
import { json } from "@/lib/http/respond";
import { getTeam } from "@/lib/server/teams/get-team";
import { saveTeam } from "@/lib/server/teams/save-team";
import { ZTeamInput } from "@/lib/validation/team";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>("teams:read", async (_request, ctx) => {
  return json(await getTeam(ctx, { id: ctx.params.id }));
});

/** Replaces the team's name, members and roles, and webhook (the secret only when given). */
export const PUT = apiRoute<{ id: string }>("teams:manage", async (request, ctx) => {
  const input = ZTeamInput.parse(await readJson(request, 64 * 1024));
  return json(await saveTeam(ctx, { ...input, id: ctx.params.id }));
});
