/** The header scripts/serve.mjs sets to the TCP peer's address, overwriting any a client sent. */
export const PEER_HEADER = "x-flowdeck-peer";

type Headers = Record<string, unknown> | undefined;

const one = (value: unknown): string | undefined => (typeof value === "string" ? value : Array.isArray(value) ? value.join(",") : undefined);

/**
 * The address a request came from, as far as it can be trusted. The chain is every
 * X-Forwarded-For entry followed by the TCP peer; each of the `trustedProxies` reverse
 * proxies in front of Flowdeck appended the address it saw, so the client is the entry
 * that many places left of the peer. Entries further left were written by the client
 * and are ignored. Null when the peer is unknown (a server other than scripts/serve.mjs).
 */
export function clientAddress(headers: Headers, trustedProxies: number): string | null {
  const peer = one(headers?.[PEER_HEADER])?.trim();
  if (!peer) return null;
  const forwarded = (one(headers?.["x-forwarded-for"]) ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const chain = [...forwarded, peer];
  return chain[Math.max(0, chain.length - 1 - trustedProxies)]!;
}
