import { toErrorResponse } from "@/lib/http/respond";
import { feedContext } from "@/lib/server/oncall/feed-context";
import { icalFeed } from "@/lib/server/oncall/ical-feed";

export const dynamic = "force-dynamic";

/** The user's on-call calendar feed. No session: the secret token in the URL is the credential. */
export async function GET(_request: Request, context: { params: Promise<{ token: string }> }): Promise<Response> {
  try {
    const body = await icalFeed(await feedContext(), { kind: "user", token: (await context.params).token });
    return new Response(body, { headers: { "content-type": "text/calendar; charset=utf-8", "cache-control": "private, no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
