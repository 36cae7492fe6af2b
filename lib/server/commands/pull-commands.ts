import "server-only";
import { sqlOf } from "@/lib/db";
import { REDELIVER_AFTER_SEC } from "@/lib/domain/delivery";
import { authorize } from "@/lib/server/authorize";
import { sourceOf, type Ctx } from "@/lib/server/context";

type CommandRow = {
  id: string;
  type: string;
  case_id: string | null;
  process: string;
  state: string | null;
  idempotency_key: string | null;
  params: Record<string, unknown>;
  requested_at: Date;
  requested_by: string;
  reason: string;
};

/** A command as engines receive it, by pull or by webhook (API.md). */
export function toEngineCommand(r: CommandRow) {
  return {
    id: r.id,
    type: r.type,
    ...(r.case_id ? { caseId: r.case_id } : {}),
    process: r.process,
    ...(r.state ? { state: r.state } : {}),
    ...(r.idempotency_key ? { idempotencyKey: r.idempotency_key } : {}),
    params: r.params,
    requestedAt: new Date(r.requested_at).toISOString(),
    requestedBy: r.requested_by,
    reason: r.reason,
  };
}
export type EngineCommand = ReturnType<typeof toEngineCommand>;

export const ENGINE_COMMAND_COLUMNS = `c.id, c.type::text AS type, c.case_id, p.key AS process, c.state, c.idempotency_key,
  c.params, c.requested_at, c.requested_by, c.reason`;

/**
 * The source's commands not yet delivered, or delivered and not acknowledged for 60 s,
 * oldest first, marked delivered in the same statement. Rows another puller is taking
 * at this moment are skipped, so no command is handed to two pullers at once.
 */
export async function pullCommands(ctx: Ctx, input: { limit: number }): Promise<EngineCommand[]> {
  authorize(ctx.actor, "commands:pull");
  const sourceId = sourceOf(ctx.actor);
  const rows = await sqlOf(ctx.db).query<CommandRow>(
    `WITH due AS (
       SELECT id FROM commands
       WHERE source_id = $1 AND dead_at IS NULL
         AND (status = 'requested' OR (status = 'delivered' AND delivered_at < now() - make_interval(secs => $3)))
       ORDER BY requested_at, id
       LIMIT $2
       FOR UPDATE SKIP LOCKED
     ), delivered AS (
       UPDATE commands c SET status = 'delivered', delivered_at = now(), attempts = c.attempts + 1
       FROM due WHERE c.id = due.id
       RETURNING c.*
     )
     SELECT ${ENGINE_COMMAND_COLUMNS} FROM delivered c JOIN processes p ON p.id = c.process_id
     ORDER BY c.requested_at, c.id`,
    [sourceId, input.limit, REDELIVER_AFTER_SEC],
  );
  return rows.map(toEngineCommand);
}
