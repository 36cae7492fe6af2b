import "server-only";
import { OPEN_STATUSES } from "@/lib/domain/case";
import type { StuckPolicy } from "@/lib/domain/stuck";
import type { Tx } from "@/lib/server/context";

/**
 * After a threshold change, moves the stuck instant of every open case of the process:
 * the SQL form of lib/domain/stuck.ts `stuckAfter` (state threshold, else the default).
 */
export async function recomputeStuckAfter(tx: Tx, processId: string, policy: StuckPolicy): Promise<number> {
  return tx.$executeRawUnsafe(
    `UPDATE cases
     SET stuck_after = state_entered_at + make_interval(secs => COALESCE(($2::jsonb ->> state)::int, $3::int))
     WHERE process_id = $1 AND status::text IN (SELECT json_array_elements_text($4::json))`,
    processId,
    JSON.stringify(policy.stateThresholds),
    policy.defaultThresholdSec,
    JSON.stringify(OPEN_STATUSES),
  );
}
