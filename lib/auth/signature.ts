import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** `X-Flowdeck-Signature` of a webhook body: `sha256=<hex HMAC-SHA256 of the body>` (API.md). */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** For receivers (and tests): whether `signature` is the body's, compared in constant time. */
export function signatureMatches(secret: string, body: string, signature: string | null): boolean {
  if (!signature) return false;
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64url")}`;
}
