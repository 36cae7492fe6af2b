import { apiRoute } from "@/lib/auth/route";
import { readJson } from "@/lib/http/read-body";
import { json } from "@/lib/http/respond";
import { getSlo } from "@/lib/server/slos/get-slo";
import { deleteSlo, saveSlo } from "@/lib/server/slos/save-slo";
import { ZSloInput } from "@/lib/validation/slo";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>("processes:read", async (_request, ctx) => {
  return json(await getSlo(ctx, { id: ctx.params.id }));
});

export const PUT = apiRoute<{ id: string }>("slos:edit", async (request, ctx) => {
  const input = ZSloInput.parse(await readJson(request, 64 * 1024));
  return json(await saveSlo(ctx, { ...input, id: ctx.params.id }));
});

export const DELETE = apiRoute<{ id: string }>("slos:edit", async (_request, ctx) => {
  return json(await deleteSlo(ctx, { id: ctx.params.id }));
});
