import { apiRoute } from "@/lib/auth/route";
import { AppError } from "@/lib/errors";
import { json } from "@/lib/http/respond";
import { getBulkAction } from "@/lib/server/bulk/list-bulk-actions";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>("cases:read", async (_request, ctx) => {
  const bulk = await getBulkAction(ctx, { id: ctx.params.id });
  if (!bulk) throw new AppError("not_found", `No bulk action ${ctx.params.id}.`);
  return json(bulk);
});
