import { json } from "@/lib/http/respond";
import { checkDatabase } from "@/lib/server/health/check-database";
import { databaseKind } from "@/lib/env";
import packageJson from "@/package.json" with { type: "json" };

export const dynamic = "force-dynamic";

/** No auth: load balancers and the e2e smoke test call it. */
export async function GET(): Promise<Response> {
  const { ok, projectionBacklog } = await checkDatabase();
  return json(
    { status: ok ? "ok" : "degraded", db: databaseKind(), version: packageJson.version, projectionBacklog },
    ok ? 200 : 503,
  );
}
