import "server-only";
import { sqlOf } from "@/lib/db";
import { authorize } from "@/lib/server/authorize";
import { sourceOf, type Ctx } from "@/lib/server/context";
import { QUEUED_EVENT_COLUMNS } from "@/lib/server/events/queue-payload";
import type { TEventBatch } from "@/lib/validation/event";

export type IngestResult = { accepted: number; duplicates: number };

/**
 * Stores a batch of events and queues the accepted ones for the projector
 * (lib/server/events/project-cases.ts), in one SQL statement, so the batch is atomic
 * without a transaction's extra round trips and concurrent batches never wait for
 * each other:
 *
 * - unknown processes are created (owner unassigned, named after their key);
 * - events are inserted with ON CONFLICT DO NOTHING: duplicates, also within the
 *   batch, are counted and not stored, and the first one wins. Rows keep the batch's
 *   order (a function scan feeds the insert), so `seq` follows arrival within it;
 * - the inserted rows are queued as one JSON document, built by the database.
 *
 * The timestamptz(3) column fixes `at` to the millisecond for every reader.
 */
export async function ingestEvents(ctx: Ctx, input: TEventBatch): Promise<IngestResult> {
  authorize(ctx.actor, "events:ingest");
  const sourceId = sourceOf(ctx.actor);
  const run = () => sqlOf(ctx.db).query<{ accepted: number }>(INGEST, [JSON.stringify(input.events), sourceId]);
  // A process another batch is creating at this very moment is invisible to this
  // statement's snapshot: its events then have no process id and the statement fails
  // whole; once that batch has committed, a second try finds the process.
  const [row] = await run().catch((error: { code?: string }) => {
    if (error.code === NOT_NULL_VIOLATION) return run();
    throw error;
  });
  const accepted = Number(row!.accepted);
  return { accepted, duplicates: input.events.length - accepted };
}

const NOT_NULL_VIOLATION = "23502";

const INGEST = `WITH batch AS (
  SELECT * FROM json_to_recordset($1::json) AS e(id text, "caseId" text, process text, type text,
    at timestamptz, "processVersion" text, state text, provider text, attempt int, "idempotencyKey" text,
    error json, data jsonb)
), keys AS (
  SELECT DISTINCT process AS key FROM batch
), created AS (
  INSERT INTO processes (id, key, name, updated_at)
  SELECT gen_random_uuid()::text, key, upper(left(key, 1)) || replace(substr(key, 2), '-', ' '), now()
  FROM keys ORDER BY key
  ON CONFLICT (key) DO NOTHING
  RETURNING id, key
), process AS (
  SELECT id, key FROM created
  UNION ALL
  SELECT p.id, p.key FROM processes p JOIN keys k ON k.key = p.key
), inserted AS (
  INSERT INTO events (source_id, external_id, case_id, process_id, type, at, process_version, state, provider,
                      attempt, idempotency_key, error_code, error_message, data)
  SELECT $2, e.id, e."caseId", (SELECT id FROM process WHERE key = e.process), e.type, e.at,
         e."processVersion", e.state, e.provider, e.attempt, e."idempotencyKey",
         e.error ->> 'code', e.error ->> 'message', e.data
  FROM batch e
  ON CONFLICT (source_id, external_id) DO NOTHING
  RETURNING ${QUEUED_EVENT_COLUMNS}
), queued AS (
  INSERT INTO projection_queue (payload)
  SELECT json_build_object('sourceId', $2::text, 'events', json_agg(inserted)) FROM inserted HAVING count(*) > 0
)
SELECT count(*)::int AS accepted FROM inserted`;
