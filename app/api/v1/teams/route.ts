import { apiRoute } from "@/lib/auth/route";
import { readJson } from "@/lib/http/read-body";
import { json } from "@/lib/http/respond";
import { listTeams } from "@/lib/server/teams/list-teams";
import { saveTeam } from "@/lib/server/teams/save-team";
import { ZTeamInput } from "@/lib/validation/team";

export const dynamic = "force-dynamic";

/** Every team with members, owned processes and who is on call now. */
export const GET = apiRoute("teams:read", async (_request, ctx) => {
  return json({ teams: await listTeams(ctx) });
});

/** Creates a team (managers and admins). */
export const POST = apiRoute("teams:manage", async (request, ctx) => {
  return json(await saveTeam(ctx, ZTeamInput.parse(await readJson(request, 64 * 1024))), 201);
});
