import "server-only";
import {
  detectOutage,
  detectSloBurn,
  detectStuckPileUp,
  detectVersionRegression,
  type Finding,
  type IncidentType,
} from "@/lib/domain/detectors";
import { compareSemver } from "@/lib/domain/semver";
import type { Tx } from "@/lib/server/context";
import { stuckCounts } from "@/lib/server/processes/recent-totals";
import { detectorOptions, type DetectorOptions } from "@/lib/validation/detectors";

/** What a detector saw, plus what the incident needs to find its owner and its cases. */
export type Observation = Finding & { processId: string; sloId?: string; scope: AffectedScope };

/** How to find a finding's affected cases (lib/server/incidents/affected-cases.ts). */
export type AffectedScope =
  | { kind: "stuck" }
  | { kind: "in_flight"; state: string; provider: string | null; since: Date }
  | { kind: "failed_on_version"; version: string; since: Date }
  | { kind: "none" };

type ProcessRow = { id: string; key: string; name: string; options: DetectorOptions };

async function stuckFindings(tx: Tx, processes: ProcessRow[], now: Date): Promise<Observation[]> {
  const ids = processes.map((p) => p.id);
  const [stuck, open] = await Promise.all([
    stuckCounts(tx, ids, now),
    tx.case.groupBy({ by: ["processId"], where: { processId: { in: ids }, stuckAfter: { not: null } }, _count: { _all: true } }),
  ]);
  return processes.map((p) => ({
    ...detectStuckPileUp(
      { processKey: p.key, processName: p.name, stuck: stuck.get(p.id) ?? 0, open: open.find((r) => r.processId === p.id)?._count._all ?? 0 },
      p.options.stuck,
    ),
    processId: p.id,
    scope: { kind: "stuck" },
  }));
}

/**
 * Step attempts and failures of the last few minutes (each process's outage window)
 * per process, state and provider, from the events' (process_id, at) index: a few
 * minutes of events, never the history.
 */
async function outageFindings(tx: Tx, processes: ProcessRow[], now: Date): Promise<Observation[]> {
  const out: Observation[] = [];
  const windows = [...new Set(processes.map((p) => p.options.outage.windowMinutes))];
  for (const minutes of windows) {
    const group = processes.filter((p) => p.options.outage.windowMinutes === minutes);
    const since = new Date(now.getTime() - minutes * 60_000);
    const rows = await tx.event.groupBy({
      by: ["processId", "state", "provider", "type"],
      where: { processId: { in: group.map((p) => p.id) }, at: { gte: since, lte: now }, type: { in: ["step.attempted", "step.succeeded", "step.failed"] } },
      _count: { _all: true },
    });
    type Tally = { processId: string; state: string; provider: string | null; attempted: number; succeeded: number; failed: number };
    const tallies = new Map<string, Tally>();
    for (const row of rows) {
      if (!row.state) continue;
      const id = `${row.processId}\u0000${row.state}\u0000${row.provider ?? ""}`;
      const t = tallies.get(id) ?? { processId: row.processId, state: row.state, provider: row.provider, attempted: 0, succeeded: 0, failed: 0 };
      const n = row._count._all;
      if (row.type === "step.attempted") t.attempted += n;
      else if (row.type === "step.succeeded") t.succeeded += n;
      else t.failed += n;
      tallies.set(id, t);
    }
    for (const t of tallies.values()) {
      const p = group.find((x) => x.id === t.processId)!;
      // Engines that report only outcomes still give a ratio: an outcome is an attempt.
      const attempts = Math.max(t.attempted, t.succeeded + t.failed);
      out.push({
        ...detectOutage({ processKey: p.key, processName: p.name, provider: t.provider, state: t.state, attempts, failures: t.failed }, p.options.outage),
        processId: p.id,
        scope: { kind: "in_flight", state: t.state, provider: t.provider, since },
      });
    }
  }
  return out;
}

/** A regression is compared over at most the last week, so a long-lived version costs a bounded scan. */
const REGRESSION_LOOKBACK_MS = 7 * 24 * 60 * 60_000;

/**
 * The newest version against the one before it, over cases that finished since the
 * newest appeared (at most a week back); both samples need enough finished cases
 * before the test can fire.
 */
async function regressionFindings(tx: Tx, processes: ProcessRow[], now: Date): Promise<Observation[]> {
  const versions = await tx.processVersion.findMany({ where: { processId: { in: processes.map((p) => p.id) } }, select: { processId: true, version: true, createdAt: true } });
  const out: Observation[] = [];
  for (const p of processes) {
    const mine = versions.filter((v) => v.processId === p.id).sort((a, b) => compareSemver(b.version, a.version));
    const [newest, previous] = mine;
    if (!newest || !previous) continue;
    const since = new Date(Math.max(newest.createdAt.getTime(), now.getTime() - REGRESSION_LOOKBACK_MS));
    const rows = await tx.case.groupBy({
      by: ["version", "status"],
      where: { processId: p.id, finishedAt: { gte: since }, version: { in: [newest.version, previous.version] } },
      _count: { _all: true },
    });
    const count = (version: string, bad: boolean) =>
      rows.filter((r) => r.version === version && (!bad || r.status === "failed" || r.status === "compensated")).reduce((s, r) => s + r._count._all, 0);
    out.push({
      ...detectVersionRegression({
        processKey: p.key,
        processName: p.name,
        newVersion: newest.version,
        oldVersion: previous.version,
        newFailed: count(newest.version, true),
        newFinished: count(newest.version, false),
        oldFailed: count(previous.version, true),
        oldFinished: count(previous.version, false),
      }, p.options.regression),
      processId: p.id,
      scope: { kind: "failed_on_version", version: newest.version, since },
    });
  }
  return out;
}

/** One finding per SLO from its open burn alerts (kept by the SLO evaluation each minute). */
async function sloFindings(tx: Tx, processes: ProcessRow[]): Promise<Observation[]> {
  const slos = await tx.slo.findMany({
    where: { processId: { in: processes.map((p) => p.id) } },
    select: { id: true, name: true, sli: true, processId: true, alerts: { where: { resolvedAt: null }, select: { tier: true, severity: true, factor: true, burnLong: true, budgetRemaining: true } } },
  });
  return slos.map((s) => {
    const p = processes.find((x) => x.id === s.processId)!;
    return {
      ...detectSloBurn({ sloId: s.id, sloName: s.name, processKey: p.key, openAlerts: s.alerts }),
      processId: p.id,
      sloId: s.id,
      scope: s.sli === "stuck_ratio" || s.sli === "cycle_time" ? { kind: "stuck" } : { kind: "none" },
    };
  });
}

const DETECTORS: Record<IncidentType, (tx: Tx, processes: ProcessRow[], now: Date) => Promise<Observation[]>> = {
  slo_burn: (tx, processes) => sloFindings(tx, processes),
  stuck_cases: stuckFindings,
  dependency_outage: outageFindings,
  version_regression: regressionFindings,
};

/** The detectors' view of every process at `now`: firing and clear findings alike. */
export async function gatherFindings(tx: Tx, types: readonly IncidentType[], now: Date): Promise<Observation[]> {
  const rows = await tx.process.findMany({ select: { id: true, key: true, name: true, detectors: true }, orderBy: { key: "asc" } });
  if (rows.length === 0) return [];
  const processes = rows.map((p) => ({ id: p.id, key: p.key, name: p.name, options: detectorOptions(p.detectors) }));
  const groups = await Promise.all(types.map((type) => DETECTORS[type](tx, processes, now)));
  return groups.flat();
}
