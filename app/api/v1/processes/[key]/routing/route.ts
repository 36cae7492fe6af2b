import { apiRoute } from "@/lib/auth/route";
import { json } from "@/lib/http/respond";
import { getRouting } from "@/lib/server/processes/get-routing";
import { ZProcessKey } from "@/lib/validation/event";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ key: string }>("processes:read", async (_request, ctx) => {
  return json(await getRouting(ctx, { key: ZProcessKey.parse(ctx.params.key) }));
});
