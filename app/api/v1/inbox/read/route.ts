import { apiRoute } from "@/lib/auth/route";
import { readJson } from "@/lib/http/read-body";
import { json } from "@/lib/http/respond";
import { markRead } from "@/lib/server/inbox/mark-read";
import { ZMarkRead } from "@/lib/validation/inbox";

export const dynamic = "force-dynamic";

export const POST = apiRoute("inbox:read", async (request, ctx) => json(await markRead(ctx, ZMarkRead.parse(await readJson(request, 16 * 1024)))));
