import { apiRoute } from "@/lib/auth/route";
import { queryOf } from "@/lib/http/query";
import { json } from "@/lib/http/respond";
import { burnSeries } from "@/lib/server/slos/burn-series";
import { zWindow } from "@/lib/validation/window";

export const dynamic = "force-dynamic";

const ZQuery = zWindow(24 * 7, 92);

export const GET = apiRoute<{ id: string }>("processes:read", async (request, ctx) => {
  return json(await burnSeries(ctx, { id: ctx.params.id, ...ZQuery.parse(queryOf(request)) }));
});
