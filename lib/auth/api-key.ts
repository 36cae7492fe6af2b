import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export const SCOPES = ["ingest", "commands", "read"] as const;
export type Scope = (typeof SCOPES)[number];

const PREFIX = "fdk";

/**
 * An API key is `fdk_<id>_<secret>`: the id finds the row, the secret is checked
 * against its SHA-256 (the secret is random, so a fast hash is enough).
 */
export function generateApiKey(): { id: string; token: string; secretHash: string } {
  const id = randomBytes(6).toString("hex");
  const secret = randomBytes(24).toString("base64url");
  return { id, token: `${PREFIX}_${id}_${secret}`, secretHash: hashSecret(secret) };
}

export function parseApiKey(token: string): { id: string; secret: string } | null {
  const match = /^fdk_([0-9a-f]{12})_([A-Za-z0-9_-]{32})$/.exec(token);
  return match ? { id: match[1]!, secret: match[2]! } : null;
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashSecret(secret), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return given.length === stored.length && timingSafeEqual(given, stored);
}
