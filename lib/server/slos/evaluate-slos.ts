import "server-only";
import type { AlertTier, SliType } from "@/lib/domain/slo";
import { floorHour, floorMinute } from "@/lib/domain/time-range";
import { authorize } from "@/lib/server/authorize";
import { projectionCurrentAt } from "@/lib/server/events/projection-lag";
import type { Ctx, Tx } from "@/lib/server/context";
import { evaluateProcessSlos, type SloDefinition, type SloStatus } from "@/lib/server/slos/evaluate-slo";

/**
 * Samples every process's open and stuck cases for this minute (the stuck-ratio SLI
 * counts a tick's stuck cases as bad and its open cases as the total). Once per minute:
 * a second sample of the same minute is ignored.
 */
export async function sampleStuck(tx: Tx, now: Date): Promise<void> {
  const minute = new Date(floorMinute(now.getTime()));
  const processes = await tx.process.findMany({ select: { id: true, counter: { select: { open: true } } } });
  for (const p of processes) {
    const open = p.counter?.open ?? 0;
    const stuck = await tx.case.count({ where: { processId: p.id, stuckAfter: { lt: now } } });
    const inserted = await tx.$executeRaw`
      INSERT INTO stuck_samples (process_id, minute, open, stuck) VALUES (${p.id}, ${minute}, ${open}, ${stuck})
      ON CONFLICT (process_id, minute) DO NOTHING`;
    if (inserted === 0) continue;
    await tx.$executeRaw`
      INSERT INTO stuck_samples_hourly AS h (process_id, hour, samples, open, stuck)
      VALUES (${p.id}, ${new Date(floorHour(now.getTime()))}, 1, ${open}, ${stuck})
      ON CONFLICT (process_id, hour) DO UPDATE SET samples = h.samples + 1, open = h.open + EXCLUDED.open, stuck = h.stuck + EXCLUDED.stuck`;
  }
}

export type EvaluationRound = { slos: number; opened: number; resolved: number };

/**
 * The worker's minute: samples stuck cases, then evaluates every SLO and opens or
 * resolves its alerts (one open alert per SLO and tier), in one transaction, so a
 * restarted worker or a second one never opens an alert twice.
 */
export async function evaluateAllSlos(ctx: Ctx, now = new Date()): Promise<EvaluationRound> {
  authorize(ctx.actor, "worker:run");
  return ctx.db.$transaction(
    async (tx) => {
      // One evaluator at a time; another worker skips this round.
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(7316042027) AS locked`;
      if (!lock?.locked) return { slos: 0, opened: 0, resolved: 0 };
      // A projection working through a backlog shows finished cases as still waiting: no sample then.
      if (await projectionCurrentAt(tx, now)) await sampleStuck(tx, now);
      const processes = await tx.slo.findMany({ distinct: ["processId"], select: { processId: true } });
      const round: EvaluationRound = { slos: 0, opened: 0, resolved: 0 };
      for (const { processId } of processes) {
        const r = await evaluateAndStore(tx, processId, now);
        round.slos += r.slos;
        round.opened += r.opened;
        round.resolved += r.resolved;
      }
      return round;
    },
    { timeout: 120_000 },
  );
}

async function syncAlerts(tx: Tx, sloId: string, status: SloStatus, open: { id: string; tier: number }[], now: Date) {
  let opened = 0;
  let resolved = 0;
  for (const [i, tier] of status.tiers.entries()) {
    const current = open.find((a) => a.tier === i);
    const values = { burnLong: tier.burnLong, burnShort: tier.burnShort, budgetRemaining: status.budgetRemaining };
    if (tier.firing && !current) {
      await tx.sloAlert.create({ data: { sloId, tier: i, severity: tier.severity, factor: tier.factor, openedAt: now, ...values } });
      opened++;
    } else if (current) {
      await tx.sloAlert.update({ where: { id: current.id }, data: { ...values, ...(tier.firing ? {} : { resolvedAt: now }) } });
      if (!tier.firing) resolved++;
    }
  }
  // Tiers removed by an edit take their alerts with them.
  for (const a of open.filter((a) => a.tier >= status.tiers.length)) {
    await tx.sloAlert.update({ where: { id: a.id }, data: { resolvedAt: now } });
    resolved++;
  }
  return { opened, resolved };
}

/** Evaluates one process's SLOs, stores their status and opens or resolves their alerts. */
export async function evaluateAndStore(tx: Tx, processId: string, now: Date): Promise<EvaluationRound> {
  const slos = await tx.slo.findMany({
    where: { processId },
    select: { id: true, version: true, sli: true, targetSec: true, objective: true, windowDays: true, tiers: true, minBadEvents: true },
  });
  if (slos.length === 0) return { slos: 0, opened: 0, resolved: 0 };
  const open = await tx.sloAlert.findMany({ where: { resolvedAt: null, sloId: { in: slos.map((s) => s.id) } }, select: { id: true, sloId: true, tier: true } });
  const firingBefore = new Map<string, Set<number>>();
  for (const a of open) firingBefore.set(a.sloId, (firingBefore.get(a.sloId) ?? new Set()).add(a.tier));
  const definitions: SloDefinition[] = slos.map((s) => ({ ...s, sli: s.sli as SliType, tiers: s.tiers as AlertTier[] }));
  const statuses = await evaluateProcessSlos(tx, processId, definitions, firingBefore, now);
  const round: EvaluationRound = { slos: slos.length, opened: 0, resolved: 0 };
  // All statuses in one statement; alerts change rarely and go one by one.
  await tx.$executeRawUnsafe(
    `UPDATE slos SET status = n.status, evaluated_at = $2 FROM json_to_recordset($1::json) AS n(id text, status jsonb) WHERE slos.id = n.id`,
    JSON.stringify([...statuses].map(([id, status]) => ({ id, status }))),
    now,
  );
  for (const [sloId, status] of statuses) {
    const changes = await syncAlerts(tx, sloId, status, open.filter((a) => a.sloId === sloId), now);
    round.opened += changes.opened;
    round.resolved += changes.resolved;
  }
  return round;
}
