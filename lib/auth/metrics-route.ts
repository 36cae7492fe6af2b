import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { apiRoute } from "@/lib/auth/route";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { toErrorResponse } from "@/lib/http/respond";
import { collectMetrics } from "@/lib/server/metrics/collect-metrics";

async function respond(ctx: Parameters<typeof collectMetrics>[0]): Promise<Response> {
  const { contentType, body } = await collectMetrics(ctx);
  return new Response(body, { headers: { "content-type": contentType } });
}

const withKey = apiRoute("processes:read", async (_request, ctx) => respond(ctx));

function isMetricsToken(header: string | null): boolean {
  const token = env().FLOWDECK_METRICS_TOKEN;
  const given = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token || !given) return false;
  // Digests have one length whatever the header holds (multi-byte characters included).
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(token));
}

/**
 * `GET /api/metrics`: for Prometheus, with an API key that has the read scope (or a
 * signed-in session), or the FLOWDECK_METRICS_TOKEN bearer token.
 */
export async function metricsHandler(request: Request, context: { params: Promise<Record<string, string>> }): Promise<Response> {
  if (!isMetricsToken(request.headers.get("authorization"))) return withKey(request, context);
  try {
    return await respond({ actor: { type: "system", name: "metrics" }, db: await getDb() });
  } catch (error) {
    return toErrorResponse(error);
  }
}
