import "server-only";
import type { Db } from "@/lib/db";

const TOUCH_EVERY_MS = 60_000;

/**
 * Records that an API key was used, to the minute: one write per key per minute, not
 * per request. Called once a request has succeeded (API.md: an error changes nothing).
 */
export async function recordKeyUse(db: Db, key: { id: string; lastUsedAt: Date | null }, now = new Date()): Promise<void> {
  const stale = new Date(now.getTime() - TOUCH_EVERY_MS);
  if (key.lastUsedAt && key.lastUsedAt >= stale) return;
  await db.apiKey.updateMany({
    where: { id: key.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: stale } }] },
    data: { lastUsedAt: now },
  });
}
