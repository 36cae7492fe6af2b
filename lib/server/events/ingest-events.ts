import "server-only";
import { sqlOf, type SqlQuery } from "@/lib/db";
import { advanceCursor, foldAfter, projectCase } from "@/lib/domain/case-projection";
import type { CaseEvent } from "@/lib/domain/events";
import { AppError, type Issue } from "@/lib/errors";
import { EVENT_ROW_COLUMNS, rowToEvent, rowToProjection, type CaseRow, type EventRow } from "@/lib/server/cases/case-row";
import { authorize } from "@/lib/server/authorize";
import { sourceOf, type Ctx } from "@/lib/server/context";
import { writeBuckets } from "@/lib/server/events/bucket-writes";
import { readCases, writeCases, type CaseChange } from "@/lib/server/events/case-writes";
import { ensureProcesses } from "@/lib/server/processes/ensure-processes";
import type { TEvent, TEventBatch } from "@/lib/validation/event";

export type IngestResult = { accepted: number; duplicates: number };

type Accepted = { event: TEvent; index: number; caseEvent: CaseEvent };

/**
 * Stores a batch of events atomically and updates the projections they touch, in one
 * transaction with a fixed number of statements whatever the batch size:
 *
 * 1. events are inserted with ON CONFLICT DO NOTHING (duplicates are counted, not stored);
 * 2. the touched cases are read without locks and each is folded forward from its stored
 *    projection, or replayed from its events when an event arrived out of order;
 * 3. cases are written only if unchanged since they were read (optimistic: concurrent
 *    batches rarely share a case); the few that lost a race are locked and recomputed;
 * 4. the per-minute buckets receive the difference of each case's contribution.
 */
export async function ingestEvents(ctx: Ctx, input: TEventBatch): Promise<IngestResult> {
  authorize(ctx.actor, "events:ingest");
  const sourceId = sourceOf(ctx.actor);
  const unique = firstOfEachId(input.events);

  return sqlOf(ctx.db).transaction(async (q) => {
    const processes = await ensureProcesses(q, [...new Set(unique.map((e) => e.event.process))]);
    const processIdOf = (e: TEvent) => processes.get(e.process)!.id;
    const accepted = await insertEvents(q, sourceId, unique, processIdOf);
    const byCase = groupBy(accepted, (a) => a.event.caseId);

    let rows = await readCases(q, [...byCase.keys()], false);
    let changes = await project(q, byCase, rows, sourceId, processIdOf);
    const settings = new Map([...processes.values()].map((p) => [p.id, p]));
    const lost = await writeCases(q, changes, (id) => settings.get(id)!.stuckPolicy);
    if (lost.size > 0) {
      rows = await readCases(q, [...lost], true);
      const retried = await project(q, pick(byCase, lost), rows, sourceId, processIdOf);
      const stillLost = await writeCases(q, retried, (id) => settings.get(id)!.stuckPolicy);
      if (stillLost.size > 0) throw new Error(`Cases changed while locked: ${[...stillLost].join(", ")}`);
      changes = [...changes.filter((c) => !lost.has(c.caseId)), ...retried];
    }
    await writeBuckets(q, changes, (id) => settings.get(id)!.cycleTimeTargetSec);
    return { accepted: accepted.length, duplicates: input.events.length - accepted.length };
  });
}

/** The first event with an id wins; later ones in the same batch are duplicates. */
function firstOfEachId(events: TEvent[]): { event: TEvent; index: number }[] {
  const seen = new Set<string>();
  const out: { event: TEvent; index: number }[] = [];
  events.forEach((event, index) => {
    if (seen.has(event.id)) return;
    seen.add(event.id);
    out.push({ event, index });
  });
  return out;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

function pick<T>(map: Map<string, T>, keys: Set<string>): Map<string, T> {
  return new Map([...map].filter(([k]) => keys.has(k)));
}

async function insertEvents(
  q: SqlQuery,
  sourceId: string,
  events: { event: TEvent; index: number }[],
  processIdOf: (e: TEvent) => string,
): Promise<Accepted[]> {
  // `at` normalised to the millisecond the database keeps, so folds and replays agree.
  const payload = events.map(({ event: e }) => ({
    id: e.id,
    case_id: e.caseId,
    process_id: processIdOf(e),
    type: e.type,
    at: new Date(e.at).toISOString(),
    process_version: e.processVersion ?? null,
    state: e.state ?? null,
    provider: e.provider ?? null,
    attempt: e.attempt ?? null,
    idempotency_key: e.idempotencyKey ?? null,
    error_code: e.error?.code ?? null,
    error_message: e.error?.message ?? null,
    data: e.data ?? null,
  }));
  const rows = await q<{ seq: bigint | string; external_id: string }>(
    `INSERT INTO events (source_id, external_id, case_id, process_id, type, at, process_version, state, provider,
                         attempt, idempotency_key, error_code, error_message, data)
     SELECT $2, e.id, e.case_id, e.process_id, e.type, e.at, e.process_version, e.state, e.provider,
            e.attempt, e.idempotency_key, e.error_code, e.error_message, e.data
     FROM json_to_recordset($1::json) AS e(id text, case_id text, process_id text, type text, at timestamptz,
          process_version text, state text, provider text, attempt int, idempotency_key text,
          error_code text, error_message text, data jsonb)
     ON CONFLICT (source_id, external_id) DO NOTHING
     RETURNING seq, external_id`,
    [JSON.stringify(payload), sourceId],
  );
  const byId = new Map(events.map((e) => [e.event.id, e]));
  return rows.map((row) => {
    const { event: e, index } = byId.get(row.external_id)!;
    const caseEvent: CaseEvent = {
      seq: Number(row.seq),
      type: e.type,
      at: new Date(e.at),
      processVersion: e.processVersion ?? null,
      state: e.state ?? null,
      provider: e.provider ?? null,
      attempt: e.attempt ?? null,
      idempotencyKey: e.idempotencyKey ?? null,
      error: e.error ?? null,
    };
    return { event: e, index, caseEvent };
  });
}

/** Folds new events forward where they all come later; replays the cases where one did not. */
async function project(
  q: SqlQuery,
  byCase: Map<string, Accepted[]>,
  rows: Map<string, CaseRow>,
  sourceId: string,
  processIdOf: (e: TEvent) => string,
): Promise<CaseChange[]> {
  await assertSameProcess(q, byCase, rows, processIdOf);
  const changes: CaseChange[] = [];
  const replay: string[] = [];
  for (const [caseId, accepted] of byCase) {
    const base = rows.get(caseId) ?? null;
    const stored = base ? rowToProjection(base) : null;
    const events = accepted.map((a) => a.caseEvent);
    const after = foldAfter(stored?.projection ?? null, stored?.cursor ?? null, events);
    if (after === null) {
      replay.push(caseId);
      continue;
    }
    const processId = base?.process_id ?? processIdOf(accepted[0]!.event);
    const cursor = advanceCursor(stored?.cursor ?? null, events)!;
    changes.push({ caseId, processId, sourceId, base, before: stored?.projection ?? null, after, cursor });
  }
  if (replay.length === 0) return changes;

  const eventRows = await q<EventRow>(
    `SELECT ${EVENT_ROW_COLUMNS} FROM events
     WHERE case_id IN (SELECT json_array_elements_text($1::json))
     ORDER BY case_id, at, seq`,
    [JSON.stringify(replay)],
  );
  const history = groupBy(eventRows, (row) => row.case_id);
  for (const caseId of replay) {
    const base = rows.get(caseId)!;
    const events = (history.get(caseId) ?? []).map(rowToEvent);
    changes.push({
      caseId,
      processId: base.process_id,
      sourceId,
      base,
      before: rowToProjection(base)?.projection ?? null,
      after: projectCase(events)!,
      cursor: advanceCursor(null, events)!,
    });
  }
  return changes;
}

/** A case belongs to one process for good; an event that says otherwise fails the batch. */
async function assertSameProcess(
  q: SqlQuery,
  byCase: Map<string, Accepted[]>,
  rows: Map<string, CaseRow>,
  processIdOf: (e: TEvent) => string,
) {
  const wrong = [...byCase].flatMap(([caseId, accepted]) => {
    const row = rows.get(caseId);
    return row ? accepted.filter((a) => processIdOf(a.event) !== row.process_id).map((a) => ({ ...a, row })) : [];
  });
  if (wrong.length > 0) {
    const keys = await q<{ id: string; key: string }>(
      `SELECT id, key FROM processes WHERE id IN (SELECT json_array_elements_text($1::json))`,
      [JSON.stringify([...new Set(wrong.map((w) => w.row.process_id))])],
    );
    const keyOf = new Map(keys.map((k) => [k.id, k.key]));
    const issues: Issue[] = wrong.map(({ event, index, row }) => ({
      path: ["events", index, "process"],
      message: `case ${event.caseId} belongs to process ${keyOf.get(row.process_id)}`,
    }));
    issues.sort((a, b) => Number(a.path[1]) - Number(b.path[1]));
    throw new AppError("invalid_request", "Some events name the wrong process for their case.", issues);
  }
}
