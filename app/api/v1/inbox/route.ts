import { apiRoute } from "@/lib/auth/route";
import { json } from "@/lib/http/respond";
import { listInbox } from "@/lib/server/inbox/list-inbox";

export const dynamic = "force-dynamic";

export const GET = apiRoute("inbox:read", async (_request, ctx) => json(await listInbox(ctx)));
