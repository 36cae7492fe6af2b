import "server-only";
import type { StuckPolicy } from "@/lib/domain/stuck";
import type { SqlQuery } from "@/lib/db";
import { parseStuckThresholds } from "@/lib/validation/process";

export type ProcessSettings = {
  id: string;
  key: string;
  stuckPolicy: StuckPolicy;
};

type ProcessRow = {
  id: string;
  key: string;
  default_stuck_threshold_sec: number;
  stuck_thresholds: unknown;
};

async function select(q: SqlQuery, ids: string[]): Promise<ProcessRow[]> {
  return q<ProcessRow>(
    `SELECT id, key, default_stuck_threshold_sec, stuck_thresholds
     FROM processes WHERE id IN (SELECT json_array_elements_text($1::json))`,
    [JSON.stringify(ids)],
  );
}

function toSettings(r: ProcessRow): ProcessSettings {
  return {
    id: r.id,
    key: r.key,
    stuckPolicy: {
      defaultThresholdSec: Number(r.default_stuck_threshold_sec),
      stateThresholds: parseStuckThresholds(r.stuck_thresholds),
    },
  };
}

/** The settings of processes by id. */
export async function processSettings(q: SqlQuery, ids: string[]): Promise<Map<string, ProcessSettings>> {
  return new Map((await select(q, ids)).map((r) => [r.id, toSettings(r)]));
}
