import { apiRoute } from "@/lib/auth/route";
import { queryOf } from "@/lib/http/query";
import { json } from "@/lib/http/respond";
import { getBacklog } from "@/lib/server/processes/get-backlog";
import { ZProcessKey } from "@/lib/validation/event";
import { ZBacklogQuery } from "@/lib/validation/process";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ key: string }>("processes:read", async (request, ctx) => {
  const key = ZProcessKey.parse(ctx.params.key);
  return json(await getBacklog(ctx, { key, ...ZBacklogQuery.parse(queryOf(request)) }));
});
