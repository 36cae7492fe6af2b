import { apiRoute } from "@/lib/auth/route";
import { json } from "@/lib/http/respond";
import { getRunbooks } from "@/lib/server/runbooks/get-runbooks";

export const dynamic = "force-dynamic";

/** The three runbooks of a process: each one's current version and its version history. */
export const GET = apiRoute<{ key: string }>("processes:read", async (_request, ctx) => {
  return json(await getRunbooks(ctx, { key: ctx.params.key }));
});
