import { timingSafeEqual } from "node:crypto";
import { apiRoute } from "@/lib/auth/route";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { toErrorResponse } from "@/lib/http/respond";
import { collectMetrics } from "@/lib/server/metrics/collect-metrics";

export const dynamic = "force-dynamic";

const withKey = apiRoute("processes:read", async (_request, ctx) => {
  const { contentType, body } = await collectMetrics(ctx);
  return new Response(body, { headers: { "content-type": contentType } });
});

function isMetricsToken(header: string | null): boolean {
  const token = env().FLOWDECK_METRICS_TOKEN;
  const given = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token || !given || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

/** For Prometheus: an API key with the read scope, or the FLOWDECK_METRICS_TOKEN bearer token. */
export async function GET(request: Request, context: { params: Promise<Record<string, string>> }): Promise<Response> {
  if (!isMetricsToken(request.headers.get("authorization"))) return withKey(request, context);
  try {
    const { contentType, body } = await collectMetrics({ actor: { type: "system", name: "metrics" }, db: await getDb() });
    return new Response(body, { headers: { "content-type": contentType } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
