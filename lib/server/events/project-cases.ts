import "server-only";
import { sqlOf, type SqlQuery } from "@/lib/db";
import { foldWithBacklog, fromCaseBacklog, toCaseBacklog } from "@/lib/domain/backlog";
import { advanceCursor, allAfter } from "@/lib/domain/case-projection";
import { eventRowColumns, rowToProjection, type CaseRow, type EventRow } from "@/lib/server/cases/case-row";
import { authorize } from "@/lib/server/authorize";
import type { Ctx } from "@/lib/server/context";
import { writeBacklog, writeBuckets, writeCounters } from "@/lib/server/events/bucket-writes";
import { readCases, writeCases, type CaseChange } from "@/lib/server/events/case-writes";
import { eventsOf, toProjectable, type ProjectableEvent, type QueuePayload } from "@/lib/server/events/queue-payload";
import { processSettings } from "@/lib/server/processes/process-settings";

export type ProjectionRound = { batches: number; cases: number; events: number; full: boolean };

/**
 * Queue rows claimed per round. Under load the queue grows and a round takes many
 * batches at once, so a busy case is written once for several of its events.
 */
const BATCHES_PER_ROUND = 100;

/**
 * One round of the projector: claims queued batches (skipping rows another worker
 * holds), brings their cases up to date and updates the statistics buckets, all in one
 * transaction; a failure leaves the rows queued for the next round.
 *
 * A case's new events are folded onto its stored projection when they all sort after
 * it. When one sorts at or before the stored cursor (it arrived out of order, or its
 * batch committed late), the case is replayed from all its stored events. Events that
 * name another process than the case's are not part of the case.
 */
export async function projectQueuedCases(ctx: Ctx, options: { batches?: number } = {}): Promise<ProjectionRound> {
  authorize(ctx.actor, "worker:run");
  return sqlOf(ctx.db).transaction(async (q) => {
    const claimed = await q<{ payload: QueuePayload }>(
      `DELETE FROM projection_queue WHERE id IN (
         SELECT id FROM projection_queue ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING payload`,
      [options.batches ?? BATCHES_PER_ROUND],
    );
    const limit = options.batches ?? BATCHES_PER_ROUND;
    if (claimed.length === 0) return { batches: 0, cases: 0, events: 0, full: false };
    const pending = byCase(claimed.flatMap((c) => eventsOf(c.payload)));

    let changes = await project(q, pending, await readCases(q, [...pending.keys()], false));
    const settings = await processSettings(q, [...new Set(changes.map((c) => c.processId))]);
    const policyOf = (processId: string) => settings.get(processId)!.stuckPolicy;
    const lost = await writeCases(q, changes, policyOf);
    if (lost.size > 0) {
      // Another projector wrote one of these cases meanwhile: lock them and redo those.
      // A case's process never changes, so their settings are already loaded.
      const locked = await readCases(q, [...lost], true);
      const redo = await project(q, new Map([...pending].filter(([id]) => lost.has(id))), locked);
      const stillLost = await writeCases(q, redo, policyOf);
      if (stillLost.size > 0) throw new Error(`Cases changed while locked: ${[...stillLost].join(", ")}`);
      changes = [...changes.filter((c) => !lost.has(c.caseId)), ...redo];
    }
    const intervened = new Set(changes.filter((c) => c.base?.intervened).map((c) => c.caseId));
    await writeBuckets(q, changes, (caseId) => intervened.has(caseId));
    await writeBacklog(q, changes);
    await writeCounters(q, changes);
    const events = [...pending.values()].reduce((n, list) => n + list.length, 0);
    return { batches: claimed.length, cases: changes.length, events, full: claimed.length >= limit };
  });
}

/** Drains the queue (tests, scripts); the worker runs rounds on its own loop instead. */
export async function projectAll(ctx: Ctx): Promise<Omit<ProjectionRound, "full">> {
  const total = { batches: 0, cases: 0, events: 0 };
  for (;;) {
    const round = await projectQueuedCases(ctx);
    if (round.batches === 0) return total;
    total.batches += round.batches;
    total.cases += round.cases;
    total.events += round.events;
  }
}

function byCase(events: ProjectableEvent[]): Map<string, ProjectableEvent[]> {
  const out = new Map<string, ProjectableEvent[]>();
  for (const e of events) {
    const list = out.get(e.caseId);
    if (list) list.push(e);
    else out.set(e.caseId, [e]);
  }
  return out;
}

/** All stored events of the cases to replay: one index range scan per case (LATERAL). */
async function loadHistory(q: SqlQuery, caseIds: string[]): Promise<Map<string, ProjectableEvent[]>> {
  const rows = await q<EventRow>(
    `SELECT ${eventRowColumns("e")}
     FROM json_array_elements_text($1::json) AS p(case_id)
     CROSS JOIN LATERAL (SELECT * FROM events WHERE case_id = p.case_id) AS e`,
    [JSON.stringify(caseIds)],
  );
  return byCase(rows.map(toProjectable));
}

/** The earliest event decides a new case's process (and source). */
function earliest(events: ProjectableEvent[]): ProjectableEvent {
  return events.reduce((a, b) => (b.at < a.at || (b.at.getTime() === a.at.getTime() && b.seq < a.seq) ? b : a));
}

async function project(q: SqlQuery, pending: Map<string, ProjectableEvent[]>, rows: Map<string, CaseRow>): Promise<CaseChange[]> {
  const changes: CaseChange[] = [];
  const replay: string[] = [];
  for (const [caseId, events] of pending) {
    const base = rows.get(caseId) ?? null;
    const stored = base ? rowToProjection(base) : null;
    const first = earliest(events);
    const processId = base?.process_id ?? first.processId;
    const own = events.filter((e) => e.processId === processId);
    if (own.length === 0) continue;
    if (!allAfter(stored?.cursor ?? null, own)) {
      replay.push(caseId); // only a stored case has a cursor to be before
      continue;
    }
    const fold = foldWithBacklog(stored?.projection ?? null, own);
    changes.push({
      caseId,
      processId,
      sourceId: base ? null : first.sourceId,
      base,
      before: stored?.projection ?? null,
      after: fold.projection!,
      cursor: advanceCursor(stored?.cursor ?? null, own)!,
      backlog: { moves: [...(base?.backlog_moves ?? []), ...toCaseBacklog(fold.moves)], delta: fold.moves },
    });
  }
  if (replay.length === 0) return changes;

  const history = await loadHistory(q, replay);
  for (const caseId of replay) {
    const base = rows.get(caseId)!;
    const own = (history.get(caseId) ?? []).filter((e) => e.processId === base.process_id);
    // The whole history again: take back what the case had added to the backlog, add the new.
    const fold = foldWithBacklog(null, own);
    const previous = fromCaseBacklog(base.backlog_moves);
    changes.push({
      caseId,
      processId: base.process_id,
      sourceId: null,
      base,
      before: rowToProjection(base)?.projection ?? null,
      after: fold.projection!,
      cursor: advanceCursor(null, own)!,
      backlog: {
        moves: toCaseBacklog(fold.moves),
        delta: [...fold.moves, ...previous.map((m) => ({ ...m, delta: -m.delta as 1 | -1 }))],
      },
    });
  }
  return changes;
}
