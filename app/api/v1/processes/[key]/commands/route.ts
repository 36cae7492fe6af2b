import { apiRoute } from "@/lib/auth/route";
import { readJson } from "@/lib/http/read-body";
import { json } from "@/lib/http/respond";
import { requestStateCommand } from "@/lib/server/commands/request-state-command";
import { ZStateCommand } from "@/lib/validation/command";
import { ZProcessKey } from "@/lib/validation/event";

export const dynamic = "force-dynamic";

/** Pause or resume new starts of a state (see docs/api.md). */
export const POST = apiRoute<{ key: string }>("cases:act", async (request, ctx) => {
  const input = ZStateCommand.parse(await readJson(request, 16 * 1024));
  const result = await requestStateCommand(ctx, { ...input, process: ZProcessKey.parse(ctx.params.key) });
  return json(result, result.created ? 201 : 200);
});
