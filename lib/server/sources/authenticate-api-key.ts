import "server-only";
import { parseApiKey, secretMatches, SCOPES, type Scope } from "@/lib/auth/api-key";
import type { Db } from "@/lib/db";
import type { Actor } from "@/lib/server/context";

const TOUCH_EVERY_MS = 60_000;

/** The actor behind a bearer token, or null when the key is unknown, wrong or revoked. */
export async function authenticateApiKey(db: Db, token: string, now = new Date()): Promise<Actor | null> {
  const parsed = parseApiKey(token);
  if (!parsed) return null;
  const key = await db.apiKey.findUnique({
    where: { id: parsed.id },
    select: { id: true, sourceId: true, secretHash: true, scopes: true, revokedAt: true, lastUsedAt: true },
  });
  if (!key || key.revokedAt || !secretMatches(parsed.secret, key.secretHash)) return null;
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    // Last use is kept to the minute: one write per key per minute, not per request.
    await db.apiKey.updateMany({
      where: { id: key.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - TOUCH_EVERY_MS) } }] },
      data: { lastUsedAt: now },
    });
  }
  const scopes = key.scopes.filter((s): s is Scope => (SCOPES as readonly string[]).includes(s));
  return { type: "api_key", keyId: key.id, sourceId: key.sourceId, scopes };
}
