import { z } from "zod";
import { apiRoute } from "@/lib/auth/route";
import { queryOf } from "@/lib/http/query";
import { json } from "@/lib/http/respond";
import { breachingSoon } from "@/lib/server/slos/bad-cases";

export const dynamic = "force-dynamic";

const ZQuery = z.object({ withinSec: z.coerce.number().int().min(60).max(7 * 86400).default(3600) });

/** Open cases that will pass a cycle-time SLO's target soon (see docs/api.md). */
export const GET = apiRoute<{ id: string }>("cases:read", async (request, ctx) => {
  return json(await breachingSoon(ctx, { id: ctx.params.id, ...ZQuery.parse(queryOf(request)) }));
});
