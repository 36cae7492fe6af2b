import { apiRoute } from "@/lib/auth/route";
import { readJson } from "@/lib/http/read-body";
import { json } from "@/lib/http/respond";
import { ingestEvents } from "@/lib/server/events/ingest-events";
import { MAX_BATCH_BYTES, ZEventBatch } from "@/lib/validation/event";

export const dynamic = "force-dynamic";

export const POST = apiRoute("events:ingest", async (request, ctx) => {
  const batch = ZEventBatch.parse(await readJson(request, MAX_BATCH_BYTES));
  return json(await ingestEvents(ctx, batch), 202);
});
