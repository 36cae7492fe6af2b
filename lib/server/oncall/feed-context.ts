import "server-only";
import { getDb } from "@/lib/db";
import type { Ctx } from "@/lib/server/context";

/**
 * The ctx of a calendar-feed request: there is no session (calendar apps fetch the URL
 * on their own), the secret token in the URL is the credential, checked by ical-feed.ts.
 */
export async function feedContext(): Promise<Ctx> {
  return { actor: { type: "system", name: "calendar-feed" }, db: await getDb() };
}
