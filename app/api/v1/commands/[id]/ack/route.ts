import { apiRoute } from "@/lib/auth/route";
import { readJson } from "@/lib/http/read-body";
import { json } from "@/lib/http/respond";
import { ackCommand } from "@/lib/server/commands/ack-command";
import { ZAck } from "@/lib/validation/command";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ id: string }>("commands:ack", async (request, ctx) => {
  const input = ZAck.parse(await readJson(request, 16 * 1024));
  const { changed: _changed, ...ack } = await ackCommand(ctx, { ...input, id: ctx.params.id });
  return json(ack);
});
