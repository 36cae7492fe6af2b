import { isOpen, type CaseProjection } from "@/lib/domain/case";
import { minuteOf } from "@/lib/domain/case-stats";
import { applyEvent } from "@/lib/domain/case-projection";
import { compareEvents, type CaseEvent } from "@/lib/domain/events";

/**
 * Backlog = open cases per state over time, kept as per-minute deltas: +1 when an open
 * case enters a state, -1 when it leaves it or finishes. The open count of a state at
 * t is the sum of its deltas up to t.
 */
export type BacklogMove = { state: string; minute: number; delta: 1 | -1 };

/** A case without a state yet is counted under this name. */
export const NO_STATE = "";

type Position = { state: string; since: number } | null;

function positionOf(c: CaseProjection | null): Position {
  return c && isOpen(c.status) ? { state: c.state ?? NO_STATE, since: c.stateEnteredAt.getTime() } : null;
}

/**
 * Folds `events` onto `start` (like foldAfter, without the cursor check) and returns
 * the backlog moves the fold makes. Folding a case's events in one go or in several
 * folds gives the same moves in total.
 */
export function foldWithBacklog(
  start: CaseProjection | null,
  events: readonly CaseEvent[],
): { projection: CaseProjection | null; moves: BacklogMove[] } {
  const moves: BacklogMove[] = [];
  let current = start;
  for (const e of [...events].sort(compareEvents)) {
    const before = positionOf(current);
    current = applyEvent(current, e);
    const after = positionOf(current);
    if (before?.state === after?.state && before?.since === after?.since) continue;
    const at = minuteOf(e.at).getTime();
    if (before) moves.push({ state: before.state, minute: at, delta: -1 });
    if (after) moves.push({ state: after.state, minute: minuteOf(new Date(after.since)).getTime(), delta: 1 });
  }
  return { projection: current, moves };
}

export type NetMove = { state: string; minute: Date; delta: number };

/** Net moves per (state, minute), without zeros: `plus` minus `minus`. */
export function netMoves(plus: readonly BacklogMove[], minus: readonly BacklogMove[] = []): NetMove[] {
  const net = new Map<string, number>();
  const add = (m: BacklogMove, sign: number) => {
    const key = `${m.minute}\u0000${m.state}`;
    net.set(key, (net.get(key) ?? 0) + sign * m.delta);
  };
  plus.forEach((m) => add(m, 1));
  minus.forEach((m) => add(m, -1));
  return [...net]
    .filter(([, delta]) => delta !== 0)
    .map(([key, delta]) => {
      const [minute, state] = key.split("\u0000") as [string, string];
      return { state, minute: new Date(Number(minute)), delta };
    })
    .sort((a, b) => a.minute.getTime() - b.minute.getTime() || (a.state < b.state ? -1 : a.state > b.state ? 1 : 0));
}

/**
 * What one case currently adds to the backlog, kept with the case so a replay can take
 * back exactly what the case had added: [minute (epoch minutes), state, +1/-1] triples.
 */
export type CaseBacklog = [minute: number, state: string, delta: 1 | -1][];

export function toCaseBacklog(moves: readonly BacklogMove[]): CaseBacklog {
  return moves.map((m) => [m.minute / 60_000, m.state, m.delta]);
}

export function fromCaseBacklog(stored: CaseBacklog): BacklogMove[] {
  return stored.map(([minute, state, delta]) => ({ minute: minute * 60_000, state, delta }));
}

/**
 * The open count per state at each of `points`, from the counts at the first point and
 * the net deltas after it (`deltas` sorted by minute).
 */
export function backlogSeries(
  base: Readonly<Record<string, number>>,
  deltas: readonly NetMove[],
  points: readonly Date[],
): { at: Date; counts: Record<string, number> }[] {
  // Null prototype: a state may be called "constructor".
  const counts: Record<string, number> = Object.assign(Object.create(null) as Record<string, number>, base);
  const out: { at: Date; counts: Record<string, number> }[] = [];
  let i = 0;
  for (const at of points) {
    while (i < deltas.length && deltas[i]!.minute.getTime() <= at.getTime()) {
      const d = deltas[i++]!;
      counts[d.state] = (counts[d.state] ?? 0) + d.delta;
    }
    out.push({ at, counts: Object.assign(Object.create(null) as Record<string, number>, counts) });
  }
  return out;
}
