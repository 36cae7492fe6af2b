import "server-only";
import { sqlOf } from "@/lib/db";
import { signBody } from "@/lib/auth/signature";
import { REDELIVER_AFTER_SEC, retryDelaySec, shouldGiveUp } from "@/lib/domain/delivery";
import { authorize } from "@/lib/server/authorize";
import type { Ctx } from "@/lib/server/context";
import { ENGINE_COMMAND_COLUMNS, toEngineCommand } from "@/lib/server/commands/pull-commands";

type Leased = Parameters<typeof toEngineCommand>[0] & {
  attempts: number;
  delivery_since: Date;
  lease_until: Date;
  webhook_url: string;
  webhook_secret: string;
};

export type DeliveryRound = { delivered: number; failed: number; deadLettered: number };

const LEASE_SEC = 30;
const TIMEOUT_MS = 10_000;

/**
 * One round of webhook delivery: leases due commands of sources with a webhook
 * (skipping rows another worker holds), POSTs each signed with the source's secret,
 * and records the outcome only while the lease is still its own. A worker killed
 * mid-delivery loses nothing: its lease runs out and the command is due again.
 */
export async function deliverWebhooks(
  ctx: Ctx,
  options: { now?: Date; limit?: number; post?: typeof fetch } = {},
): Promise<DeliveryRound> {
  authorize(ctx.actor, "worker:run");
  const now = options.now ?? new Date();
  const post = options.post ?? fetch;
  const sql = sqlOf(ctx.db);
  const leased = await sql.query<Leased>(
    `WITH due AS (
       SELECT c.id FROM commands c JOIN sources s ON s.id = c.source_id
       WHERE s.webhook_url IS NOT NULL AND c.dead_at IS NULL AND c.next_attempt_at <= $1
         AND (c.status = 'requested' OR (c.status = 'delivered' AND c.delivered_at < $1::timestamptz - make_interval(secs => $3)))
         AND (c.lease_until IS NULL OR c.lease_until < $1)
       ORDER BY c.next_attempt_at, c.id
       LIMIT $2
       FOR UPDATE OF c SKIP LOCKED
     ), leased AS (
       UPDATE commands c SET lease_until = $1::timestamptz + make_interval(secs => $4) FROM due WHERE c.id = due.id RETURNING c.*
     )
     SELECT ${ENGINE_COMMAND_COLUMNS}, c.attempts, c.delivery_since, c.lease_until, s.webhook_url, s.webhook_secret
     FROM leased c JOIN processes p ON p.id = c.process_id JOIN sources s ON s.id = c.source_id`,
    [now.toISOString(), options.limit ?? 20, REDELIVER_AFTER_SEC, LEASE_SEC],
  );
  const round: DeliveryRound = { delivered: 0, failed: 0, deadLettered: 0 };
  await Promise.all(
    leased.map(async (c) => {
      const body = JSON.stringify(toEngineCommand(c));
      let error: string | null = null;
      try {
        const res = await post(c.webhook_url, {
          method: "POST",
          headers: { "content-type": "application/json", "x-flowdeck-signature": signBody(c.webhook_secret, body) },
          body,
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        if (res.status < 200 || res.status >= 300) error = `the receiver answered ${res.status}`;
      } catch (e) {
        error = `the receiver could not be reached: ${(e as Error).message}`;
      }
      const attempts = Number(c.attempts) + 1;
      const leaseUntil = new Date(c.lease_until).toISOString();
      if (!error) {
        round.delivered++;
        await sql.query(
          `UPDATE commands SET status = CASE WHEN status = 'requested' THEN 'delivered'::command_status ELSE status END,
             delivered_at = $2, attempts = $3, lease_until = NULL, last_error = NULL
           WHERE id = $1 AND lease_until = $4`,
          [c.id, now.toISOString(), attempts, leaseUntil],
        );
        return;
      }
      const dead = shouldGiveUp(new Date(c.delivery_since), now);
      if (dead) round.deadLettered++;
      else round.failed++;
      await sql.query(
        `UPDATE commands SET attempts = $2, last_error = $3, lease_until = NULL,
           next_attempt_at = $4, dead_at = $5
         WHERE id = $1 AND lease_until = $6`,
        [c.id, attempts, error, new Date(now.getTime() + retryDelaySec(attempts) * 1000).toISOString(), dead ? now.toISOString() : null, leaseUntil],
      );
    }),
  );
  return round;
}
