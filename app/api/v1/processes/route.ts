import { apiRoute } from "@/lib/auth/route";
import { json } from "@/lib/http/respond";
import { listProcesses } from "@/lib/server/processes/list-processes";

export const dynamic = "force-dynamic";

export const GET = apiRoute("processes:read", async (_request, ctx) => {
  return json({ processes: await listProcesses(ctx) });
});
