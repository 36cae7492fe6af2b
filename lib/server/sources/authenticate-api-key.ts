import "server-only";
import { parseApiKey, secretMatches, SCOPES, type Scope } from "@/lib/auth/api-key";
import type { Db } from "@/lib/db";
import type { Actor } from "@/lib/server/context";

export type ApiKeyActor = Extract<Actor, { type: "api_key" }>;

/**
 * The key behind a bearer token and when it was last used, or null when it is unknown,
 * wrong or revoked. Reads only: the route wrapper records the use (recordKeyUse) once
 * the request has succeeded.
 */
export async function findApiKey(db: Db, token: string): Promise<{ actor: ApiKeyActor; lastUsedAt: Date | null } | null> {
  const parsed = parseApiKey(token);
  if (!parsed) return null;
  const key = await db.apiKey.findUnique({
    where: { id: parsed.id },
    select: { id: true, sourceId: true, secretHash: true, scopes: true, revokedAt: true, lastUsedAt: true },
  });
  if (!key || key.revokedAt || !secretMatches(parsed.secret, key.secretHash)) return null;
  const scopes = key.scopes.filter((s): s is Scope => (SCOPES as readonly string[]).includes(s));
  return { actor: { type: "api_key", keyId: key.id, sourceId: key.sourceId, scopes }, lastUsedAt: key.lastUsedAt };
}

/** The actor behind a bearer token, or null when the key is unknown, wrong or revoked. */
export async function authenticateApiKey(db: Db, token: string): Promise<Actor | null> {
  return (await findApiKey(db, token))?.actor ?? null;
}
