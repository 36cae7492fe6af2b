import { apiRoute } from "@/lib/auth/route";
import { readJson } from "@/lib/http/read-body";
import { json } from "@/lib/http/respond";
import { decideBulkAction } from "@/lib/server/bulk/decide-bulk-action";
import { ZBulkDecision } from "@/lib/validation/command";

export const dynamic = "force-dynamic";

/** A second person approves or rejects a bulk action over more than 25 cases. */
export const POST = apiRoute<{ id: string }>("bulk:approve", async (request, ctx) => {
  const { approve } = ZBulkDecision.parse(await readJson(request, 1024));
  return json(await decideBulkAction(ctx, { id: ctx.params.id, approve }));
});
