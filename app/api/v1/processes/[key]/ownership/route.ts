import { apiRoute } from "@/lib/auth/route";
import { readJson } from "@/lib/http/read-body";
import { json } from "@/lib/http/respond";
import { getProcessOwnership } from "@/lib/server/teams/get-process-ownership";
import { setProcessOwnership } from "@/lib/server/teams/set-process-ownership";
import { ZProcessOwnership } from "@/lib/validation/team";

export const dynamic = "force-dynamic";

/** The owning team, the process owner and who is on call for the process now. */
export const GET = apiRoute<{ key: string }>("teams:read", async (_request, ctx) => {
  return json(await getProcessOwnership(ctx, { key: ctx.params.key }));
});

/** Sets the owning team and the process owner (who must be a member of that team). */
export const PUT = apiRoute<{ key: string }>("teams:manage", async (request, ctx) => {
  const input = ZProcessOwnership.parse(await readJson(request, 16 * 1024));
  return json(await setProcessOwnership(ctx, { ...input, key: ctx.params.key }));
});
