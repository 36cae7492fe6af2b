import { apiRoute } from "@/lib/auth/route";
import { json } from "@/lib/http/respond";
import { retryDeadCommand } from "@/lib/server/commands/retry-command";

export const dynamic = "force-dynamic";

/** Takes a dead-lettered command out of the dead letter (see docs/api.md). */
export const POST = apiRoute<{ id: string }>("cases:act", async (_request, ctx) => {
  return json(await retryDeadCommand(ctx, { id: ctx.params.id }));
});
