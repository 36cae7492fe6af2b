import { apiRoute } from "@/lib/auth/route";
import { queryOf } from "@/lib/http/query";
import { json } from "@/lib/http/respond";
import { pullCommands } from "@/lib/server/commands/pull-commands";
import { ZPullCommands } from "@/lib/validation/command";

export const dynamic = "force-dynamic";

export const GET = apiRoute("commands:pull", async (request, ctx) => {
  return json({ commands: await pullCommands(ctx, ZPullCommands.parse(queryOf(request))) });
});
