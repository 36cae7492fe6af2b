import { apiRoute } from "@/lib/auth/route";
import { readJson } from "@/lib/http/read-body";
import { json } from "@/lib/http/respond";
import { listBulkActions } from "@/lib/server/bulk/list-bulk-actions";
import { requestBulkAction } from "@/lib/server/bulk/request-bulk-action";
import { ZBulkAction } from "@/lib/validation/command";

export const dynamic = "force-dynamic";

/** Bulk actions (see docs/api.md): list with progress, and request one. */
export const GET = apiRoute("cases:read", async (_request, ctx) => {
  return json({ bulkActions: await listBulkActions(ctx) });
});

export const POST = apiRoute("cases:act", async (request, ctx) => {
  const input = ZBulkAction.parse(await readJson(request, 512 * 1024));
  const result = await requestBulkAction(ctx, input);
  return json(result, result.created ? 201 : 200);
});
