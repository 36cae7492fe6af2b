import "server-only";
import { Gauge, Registry } from "prom-client";
import { authorize } from "@/lib/server/authorize";
import type { Ctx } from "@/lib/server/context";
import type { SloStatus } from "@/lib/server/slos/evaluate-slo";
import { floorMinute } from "@/lib/domain/time-range";
import { recentTotals, stuckCounts } from "@/lib/server/processes/recent-totals";

const DAY_MS = 86_400_000;

/**
 * Prometheus text exposition of Flowdeck's state (API.md `GET /api/metrics`): case
 * counts per process, each SLO's budget and burn rates as last evaluated, the command
 * outbox depth and the projection backlog. A registry per scrape: the values are read
 * from the database, so every server and worker reports the same numbers.
 */
export async function collectMetrics(ctx: Ctx, now = new Date()): Promise<{ contentType: string; body: string }> {
  authorize(ctx.actor, "processes:read");
  const registry = new Registry();
  const gauge = (name: string, help: string, labelNames: string[]) => new Gauge({ name, help, labelNames, registers: [registry] });
  const open = gauge("flowdeck_cases_open", "Open cases (running, waiting or compensating)", ["process"]);
  const stuck = gauge("flowdeck_cases_stuck", "Open cases past their state's stuck threshold", ["process"]);
  const failed = gauge("flowdeck_cases_failed_24h", "Cases that failed (or were compensated) in the last 24 hours", ["process"]);
  const finished = gauge("flowdeck_cases_finished_24h", "Cases that finished in the last 24 hours", ["process"]);
  const budget = gauge("flowdeck_slo_error_budget_remaining", "Error budget left over the SLO window (1 = untouched; negative = overspent)", ["process", "slo", "slo_id", "sli"]);
  const burn = gauge("flowdeck_slo_burn_rate", "Error-budget burn rate over a window (1 spends the budget exactly over the SLO window)", ["process", "slo", "slo_id", "window"]);
  const objective = gauge("flowdeck_slo_objective_ratio", "The SLO's objective as a ratio", ["process", "slo", "slo_id"]);
  const alerts = gauge("flowdeck_slo_alerts_open", "Open burn-rate alerts", ["process", "slo", "slo_id", "severity"]);
  const outbox = gauge("flowdeck_command_outbox_depth", "Commands not yet acknowledged by their engine", ["source", "status"]);
  const dead = gauge("flowdeck_command_dead_letters", "Commands whose webhook delivery gave up", ["source"]);
  const backlog = gauge("flowdeck_projection_backlog_batches", "Ingested batches waiting for the projector", []);
  const incidents = gauge("flowdeck_incidents_unresolved", "Incidents not resolved yet, by detector, severity and whether anyone acknowledged them", ["process", "type", "severity", "status"]);

  const processes = await ctx.db.process.findMany({
    select: {
      id: true,
      key: true,
      counter: { select: { open: true } },
      slos: { select: { id: true, name: true, sli: true, objective: true, status: true, alerts: { where: { resolvedAt: null }, select: { severity: true } } } },
    },
  });
  const ids = processes.map((p) => p.id);
  const to = floorMinute(now.getTime());
  const [stuckBy, totals] = await Promise.all([stuckCounts(ctx.db, ids, now), recentTotals(ctx.db, ids, to - DAY_MS, to)]);
  for (const p of processes) {
    const s = stuckBy.get(p.id) ?? 0;
    const day = totals.get(p.id)!;
    open.set({ process: p.key }, p.counter?.open ?? 0);
    stuck.set({ process: p.key }, s);
    failed.set({ process: p.key }, day.failed);
    finished.set({ process: p.key }, day.finished);
    for (const slo of p.slos) {
      const labels = { process: p.key, slo: slo.name, slo_id: slo.id };
      objective.set(labels, slo.objective);
      const status = slo.status as SloStatus | null;
      if (status) {
        budget.set({ ...labels, sli: slo.sli }, status.budgetRemaining);
        for (const [window, value] of Object.entries(status.burn)) burn.set({ ...labels, window }, value);
      }
      for (const severity of ["page", "ticket"]) alerts.set({ ...labels, severity }, slo.alerts.filter((a) => a.severity === severity).length);
    }
  }
  const [depth, deadLetters, sources, queued, unresolved] = await Promise.all([
    ctx.db.command.groupBy({ by: ["sourceId", "status"], where: { status: { in: ["requested", "delivered"] } }, _count: { _all: true } }),
    ctx.db.command.groupBy({ by: ["sourceId"], where: { deadAt: { not: null } }, _count: { _all: true } }),
    ctx.db.source.findMany({ select: { id: true, name: true } }),
    ctx.db.projectionQueue.count(),
    ctx.db.incident.groupBy({ by: ["processId", "type", "severity", "status"], where: { openKey: { not: null } }, _count: { _all: true } }),
  ]);
  const name = new Map(sources.map((s) => [s.id, s.name]));
  for (const d of depth) outbox.set({ source: name.get(d.sourceId) ?? d.sourceId, status: d.status }, d._count._all);
  for (const d of deadLetters) dead.set({ source: name.get(d.sourceId) ?? d.sourceId }, d._count._all);
  backlog.set(queued);
  const keyOf = new Map(processes.map((p) => [p.id, p.key]));
  for (const i of unresolved) {
    incidents.set({ process: (i.processId && keyOf.get(i.processId)) ?? "", type: i.type, severity: i.severity, status: i.status }, i._count._all);
  }
  return { contentType: registry.contentType, body: await registry.metrics() };
}
