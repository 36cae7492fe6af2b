import { apiRoute } from "@/lib/auth/route";
import { queryOf } from "@/lib/http/query";
import { json } from "@/lib/http/respond";
import { listOutbox } from "@/lib/server/commands/list-outbox";
import { ZListOutbox } from "@/lib/validation/command";

export const dynamic = "force-dynamic";

/** The commands on their way to the engines (docs/api.md): attention, in flight, dead letter, answered. */
export const GET = apiRoute("cases:read", async (request, ctx) => json(await listOutbox(ctx, ZListOutbox.parse(queryOf(request)))));
