import { runBulkBatch } from "@/lib/server/bulk/run-bulk-actions";
import { deliverWebhooks } from "@/lib/server/commands/deliver-webhooks";
import { projectQueuedCases } from "@/lib/server/events/project-cases";
import { evaluateAllSlos } from "@/lib/server/slos/evaluate-slos";
import { deliverTeamWebhooks } from "@/lib/server/incidents/deliver-team-webhooks";
import { detectIncidents } from "@/lib/server/incidents/apply-findings";
import { escalateIncidents } from "@/lib/server/incidents/escalate-incidents";
import type { Job } from "@/worker/runner";

/**
 * Brings cases up to date with newly ingested events, a quarter of a second behind.
 * Waiting between rounds lets a busy case's events collect, so it is written once for
 * several of them; only a full round (a backlog) is followed at once by the next.
 */
export const projectCases: Job = {
  name: "project-cases",
  intervalMs: 1000,
  run: async (ctx) => (await projectQueuedCases(ctx)).full,
};

/** Pushes commands to sources that have a webhook; retries with backoff, dead-letters after 24 h. */
export const deliverCommands: Job = {
  name: "deliver-commands",
  intervalMs: 1000,
  run: async (ctx, now) => {
    const round = await deliverWebhooks(ctx, { now });
    return round.delivered + round.failed + round.deadLettered > 0;
  },
};

/** Runs approved bulk actions in batches of 50 cases, one command per case. */
export const runBulkActions: Job = {
  name: "run-bulk-actions",
  intervalMs: 1000,
  run: async (ctx) => (await runBulkBatch(ctx)).bulkActionId !== null,
};

/** Samples stuck cases, evaluates every SLO and opens or resolves its alerts, each minute. */
export const evaluateSlos: Job = {
  name: "evaluate-slos",
  intervalMs: 60_000,
  run: async (ctx, now) => {
    await evaluateAllSlos(ctx, now);
    return false;
  },
};

/**
 * The cheap detectors (dependency outage over the last minutes' events, stuck pile-up
 * from an index count) every 10 s, so an outage pages within seconds of crossing its threshold.
 */
export const detectFastIncidents: Job = {
  name: "detect-incidents",
  intervalMs: 10_000,
  run: async (ctx, now) => {
    await detectIncidents(ctx, now, ["dependency_outage", "stuck_cases"]);
    return false;
  },
};

/** SLO burn (its alerts change once a minute) and version regression (a wider scan) each minute. */
export const detectSlowIncidents: Job = {
  name: "detect-incidents-slow",
  intervalMs: 60_000,
  run: async (ctx, now) => {
    await detectIncidents(ctx, now, ["slo_burn", "version_regression"]);
    return false;
  },
};

/** Fires due escalation steps of unacknowledged incidents; the timers live in the database. */
export const escalateIncidentsJob: Job = {
  name: "escalate-incidents",
  intervalMs: 5_000,
  run: async (ctx, now) => (await escalateIncidents(ctx, now)).fired > 0,
};

/** Posts team notifications to their Slack-compatible webhooks, with retries. */
export const deliverTeamWebhooksJob: Job = {
  name: "deliver-team-webhooks",
  intervalMs: 2_000,
  run: async (ctx, now) => (await deliverTeamWebhooks(ctx, { now })).delivered > 0,
};

export const JOBS: Job[] = [projectCases, deliverCommands, runBulkActions, evaluateSlos, detectFastIncidents, detectSlowIncidents, escalateIncidentsJob, deliverTeamWebhooksJob];
