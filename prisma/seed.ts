/**
 * Seeds what the demo and the e2e server start from: the demo users and teams, the two
 * demo processes with their versions, thresholds and SLOs, owners and on-call schedules,
 * and an engine source. Safe to
 * run again: what exists is left as it is.
 */
import type { Ctx } from "@/lib/server/context";
import { defineProcess } from "@/lib/server/processes/define-process";
import { createApiKey } from "@/lib/server/sources/create-api-key";
import { createSource } from "@/lib/server/sources/create-source";
import { createUser } from "@/lib/server/users/create-user";
import { DEFAULT_MIN_BAD_EVENTS, DEFAULT_TIERS } from "@/lib/domain/slo";
import { saveSlo } from "@/lib/server/slos/save-slo";
import { DEMO_PASSWORD, DEMO_PROCESSES, DEMO_SLOS, DEMO_USERS } from "@/prisma/demo-catalog";
import { seedOnCall } from "@/prisma/seed-oncall";

/**
 * `createKey: false` keeps an existing source's keys as they are (the caller still has
 * its key); otherwise the source gets a new key, returned once.
 */
export async function seedBase(
  ctx: Ctx,
  options: { sourceName: string; createKey?: boolean },
): Promise<{ apiKey: string | null; sourceId: string }> {
  for (const u of DEMO_USERS) {
    const exists = await ctx.db.user.findUnique({ where: { email: u.email }, select: { id: true } });
    if (!exists) await createUser(ctx, { ...u, password: DEMO_PASSWORD });
  }
  for (const p of DEMO_PROCESSES) {
    await defineProcess(ctx, {
      key: p.key,
      name: p.name,
      team: p.team,
      defaultStuckThresholdSec: p.defaultStuckThresholdSec,
      stuckThresholds: p.stuckThresholds,
      version: { version: p.version, graph: p.graph },
    });
  }
  for (const slo of DEMO_SLOS) {
    const exists = await ctx.db.slo.findFirst({ where: { name: slo.name }, select: { id: true } });
    if (!exists) await saveSlo(ctx, { ...slo, version: "", tiers: [...DEFAULT_TIERS], minBadEvents: DEFAULT_MIN_BAD_EVENTS });
  }
  await seedOnCall(ctx);
  const scopes = ["ingest", "commands", "read"] as const;
  const source = await ctx.db.source.findUnique({ where: { name: options.sourceName }, select: { id: true } });
  if (source) {
    if (options.createKey === false) return { apiKey: null, sourceId: source.id };
    const { apiKey } = await createApiKey(ctx, { sourceId: source.id, scopes: [...scopes] });
    return { apiKey, sourceId: source.id };
  }
  const created = await createSource(ctx, { name: options.sourceName, scopes: [...scopes] });
  return { apiKey: created.apiKey, sourceId: created.source.id };
}
