import { apiRoute } from "@/lib/auth/route";
import { queryOf } from "@/lib/http/query";
import { json } from "@/lib/http/respond";
import { badCases } from "@/lib/server/slos/bad-cases";
import { zWindow } from "@/lib/validation/window";

export const dynamic = "force-dynamic";

const ZQuery = zWindow(1, 31);

/** The cases bad for the SLO in a window, and in which states they spent their time (see docs/api.md). */
export const GET = apiRoute<{ id: string }>("cases:read", async (request, ctx) => {
  return json(await badCases(ctx, { id: ctx.params.id, ...ZQuery.parse(queryOf(request)) }));
});
