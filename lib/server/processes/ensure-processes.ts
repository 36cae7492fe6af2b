import "server-only";
import { randomUUID } from "node:crypto";
import type { StuckPolicy } from "@/lib/domain/stuck";
import type { SqlQuery } from "@/lib/db";
import { parseStuckThresholds } from "@/lib/validation/process";

export type ProcessSettings = {
  id: string;
  key: string;
  stuckPolicy: StuckPolicy;
  cycleTimeTargetSec: number;
};

type ProcessRow = {
  id: string;
  key: string;
  default_stuck_threshold_sec: number;
  stuck_thresholds: unknown;
  cycle_time_target_sec: number;
};

/** "loan-approval" → "Loan approval": the name a process gets on first sight. */
export function nameFromKey(key: string): string {
  const words = key.replace(/-+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

async function select(q: SqlQuery, keys: string[]): Promise<ProcessRow[]> {
  return q<ProcessRow>(
    `SELECT id, key, default_stuck_threshold_sec, stuck_thresholds, cycle_time_target_sec
     FROM processes WHERE key IN (SELECT json_array_elements_text($1::json))`,
    [JSON.stringify(keys)],
  );
}

/** The settings of the named processes, creating unknown ones (owner unassigned, API.md). */
export async function ensureProcesses(q: SqlQuery, keys: string[]): Promise<Map<string, ProcessSettings>> {
  let rows = await select(q, keys);
  const missing = keys.filter((k) => !rows.some((r) => r.key === k)).sort();
  if (missing.length > 0) {
    await q(
      `INSERT INTO processes (id, key, name, updated_at)
       SELECT p.id, p.key, p.name, now() FROM json_to_recordset($1::json) AS p(id text, key text, name text)
       ORDER BY p.key
       ON CONFLICT (key) DO NOTHING`,
      [JSON.stringify(missing.map((key) => ({ id: randomUUID(), key, name: nameFromKey(key) })))],
    );
    rows = await select(q, keys);
  }
  return new Map(
    rows.map((r) => [
      r.key,
      {
        id: r.id,
        key: r.key,
        stuckPolicy: {
          defaultThresholdSec: Number(r.default_stuck_threshold_sec),
          stateThresholds: parseStuckThresholds(r.stuck_thresholds),
        },
        cycleTimeTargetSec: Number(r.cycle_time_target_sec),
      },
    ]),
  );
}
