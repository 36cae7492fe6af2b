import "server-only";
import { sqlOf } from "@/lib/db";
import { signBody } from "@/lib/auth/signature";
import { retryDelaySec, shouldGiveUp } from "@/lib/domain/delivery";
import { authorize } from "@/lib/server/authorize";
import type { Ctx } from "@/lib/server/context";
import { recordTimeline } from "@/lib/server/incidents/timeline";

type Due = { id: string; incident_id: string | null; body: string; attempts: number; created_at: Date; webhook_url: string | null; webhook_secret: string | null; team_name: string };

const LEASE_SEC = 30;
const TIMEOUT_MS = 10_000;

/**
 * One round of team notifications to Slack-compatible webhooks: takes due posts
 * (moving their next attempt past a lease, skipping rows another worker holds),
 * POSTs each signed with the team's secret, and retries failures with the command
 * webhooks' backoff until 24 h, then dead-letters them on the incident's timeline.
 */
export async function deliverTeamWebhooks(ctx: Ctx, options: { now?: Date; post?: typeof fetch } = {}): Promise<{ delivered: number; failed: number }> {
  authorize(ctx.actor, "worker:run");
  const now = options.now ?? new Date();
  const post = options.post ?? fetch;
  const sql = sqlOf(ctx.db);
  const due = await sql.query<Due>(
    `WITH due AS (
       SELECT id FROM team_webhook_deliveries
       WHERE delivered_at IS NULL AND dead_at IS NULL AND next_attempt_at <= $1
       ORDER BY next_attempt_at, id LIMIT 20
       FOR UPDATE SKIP LOCKED
     ), leased AS (
       UPDATE team_webhook_deliveries d SET next_attempt_at = $1::timestamptz + make_interval(secs => $2)
       FROM due WHERE d.id = due.id RETURNING d.*
     )
     SELECT l.id, l.incident_id, l.body, l.attempts, l.created_at, t.webhook_url, t.webhook_secret, t.name AS team_name
     FROM leased l JOIN teams t ON t.id = l.team_id`,
    [now.toISOString(), LEASE_SEC],
  );
  const round = { delivered: 0, failed: 0 };
  for (const d of due) {
    let error: string | null = null;
    if (!d.webhook_url) error = "the team no longer has a webhook";
    else {
      try {
        const headers: Record<string, string> = { "content-type": "application/json" };
        if (d.webhook_secret) headers["x-flowdeck-signature"] = signBody(d.webhook_secret, d.body);
        const res = await post(d.webhook_url, { method: "POST", headers, body: d.body, signal: AbortSignal.timeout(TIMEOUT_MS) });
        if (res.status < 200 || res.status >= 300) error = `the receiver answered ${res.status}`;
      } catch (e) {
        error = `the receiver could not be reached: ${(e as Error).message}`;
      }
    }
    const attempts = Number(d.attempts) + 1;
    if (!error) {
      round.delivered++;
      await ctx.db.teamWebhookDelivery.update({ where: { id: d.id }, data: { deliveredAt: now, attempts, lastError: null } });
      continue;
    }
    round.failed++;
    const dead = !d.webhook_url || shouldGiveUp(new Date(d.created_at), now);
    await ctx.db.$transaction(async (tx) => {
      await tx.teamWebhookDelivery.update({
        where: { id: d.id },
        data: { attempts, lastError: error, nextAttemptAt: new Date(now.getTime() + retryDelaySec(attempts) * 1000), deadAt: dead ? now : null },
      });
      if (dead && d.incident_id) {
        await recordTimeline(tx, d.incident_id, "notified", `Gave up posting to ${d.team_name}'s webhook after ${attempts} attempts: ${error}`, { at: now });
      }
    });
  }
  return round;
}
