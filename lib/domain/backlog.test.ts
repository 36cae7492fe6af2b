import { describe, it, expect } from "vitest";
import {
  NO_STATE,
  backlogSeries,
  foldWithBacklog,
  fromCaseBacklog,
  netMoves,
  toCaseBacklog,
  type BacklogMove,
  type NetMove,
} from "@/lib/domain/backlog";
import { isOpen, type CaseProjection } from "@/lib/domain/case";
import { projectCase } from "@/lib/domain/case-projection";
import { EVENT_TYPES, type CaseEvent, type EventType } from "@/lib/domain/events";

const T0 = Date.UTC(2026, 2, 1, 9, 0, 0);
/** An instant `min` minutes and `sec` seconds after T0. */
const at = (min: number, sec = 0) => new Date(T0 + min * 60_000 + sec * 1000);
/** The epoch milliseconds of minute `min` after T0 (a BacklogMove's `minute`). */
const m = (min: number) => T0 + min * 60_000;

/** Builds events with increasing arrival `seq`. */
function events() {
  let seq = 0;
  return (type: EventType, time: Date, state?: string | null, extra: Partial<CaseEvent> = {}): CaseEvent => ({
    seq: ++seq,
    type,
    at: time,
    ...(state !== undefined ? { state } : {}),
    ...extra,
  });
}

const move = (state: string, min: number, delta: 1 | -1): BacklogMove => ({ state, minute: m(min), delta });
const net = (state: string, min: number, delta: number): NetMove => ({ state, minute: new Date(m(min)), delta });

/** A null-prototype record's entries, sorted, without zero counts. */
const entries = (counts: Record<string, number>) =>
  Object.entries(counts)
    .filter(([, n]) => n !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

describe("foldWithBacklog: the moves one case makes", () => {
  it("returns no projection and no moves for no events", () => {
    expect(foldWithBacklog(null, [])).toEqual({ projection: null, moves: [] });
  });

  it("a case entering A then B then finishing: +1 A at start, -1 A +1 B at the move, -1 B at the finish", () => {
    const ev = events();
    const { projection, moves } = foldWithBacklog(null, [
      ev("case.started", at(0, 30), "A"),
      ev("step.attempted", at(1, 10), "A"),
      ev("step.succeeded", at(2, 0), "A"),
      ev("case.state_entered", at(5, 10), "B"),
      ev("case.completed", at(9, 45)),
    ]);
    expect(moves).toEqual([move("A", 0, 1), move("A", 5, -1), move("B", 5, 1), move("B", 9, -1)]);
    expect(projection?.status).toBe("completed");
  });

  it("sorts the events by (at, seq) before folding", () => {
    const ev = events();
    const list = [
      ev("case.started", at(0, 30), "A"),
      ev("case.state_entered", at(5, 10), "B"),
      ev("case.completed", at(9, 45)),
    ];
    expect(foldWithBacklog(null, [...list].reverse())).toEqual(foldWithBacklog(null, list));
  });

  it("a step event in a new state moves the case like case.state_entered", () => {
    const ev = events();
    const { moves } = foldWithBacklog(null, [ev("case.started", at(0), "A"), ev("step.failed", at(3, 59), "B")]);
    expect(moves).toEqual([move("A", 0, 1), move("A", 3, -1), move("B", 3, 1)]);
  });

  it("a waiting ↔ running change in the same state makes no move", () => {
    const ev = events();
    const { projection, moves } = foldWithBacklog(null, [
      ev("case.started", at(0), "A"),
      ev("case.waiting", at(2), "A"),
      ev("case.state_entered", at(4), "A"),
      ev("case.waiting", at(6)),
      ev("step.attempted", at(8), "A"),
    ]);
    expect(moves).toEqual([move("A", 0, 1)]);
    expect(projection?.status).toBe("running");
  });

  it("entering a state and leaving it within the same minute nets to nothing for that state", () => {
    const ev = events();
    const { moves } = foldWithBacklog(null, [
      ev("case.started", at(0, 5), "A"),
      ev("case.state_entered", at(0, 40), "B"),
    ]);
    expect(netMoves(moves)).toEqual([net("B", 0, 1)]);
  });

  it("compensation after a failure re-opens the case in its state; compensation.completed closes it", () => {
    const ev = events();
    const { projection, moves } = foldWithBacklog(null, [
      ev("case.started", at(0), "A"),
      ev("case.state_entered", at(2, 30), "B"),
      ev("step.failed", at(3), "B", { error: { code: "timeout", message: "provider timed out" } }),
      ev("case.failed", at(4, 15)),
      ev("compensation.started", at(6, 20)),
      ev("compensation.completed", at(8, 50)),
    ]);
    expect(moves).toEqual([
      move("A", 0, 1),
      move("A", 2, -1),
      move("B", 2, 1),
      move("B", 4, -1), // failed: closed
      move("B", 6, 1), // re-opened at compensation.started, not at the old state entry
      move("B", 8, -1), // compensated: closed
    ]);
    expect(projection?.status).toBe("compensated");
  });

  it("compensation.started naming the state the case failed in re-opens it at the compensation minute", () => {
    const ev = events();
    const { moves } = foldWithBacklog(null, [
      ev("case.started", at(0), "B"),
      ev("case.failed", at(4)),
      ev("compensation.started", at(7, 1), "B"),
    ]);
    expect(moves).toEqual([move("B", 0, 1), move("B", 4, -1), move("B", 7, 1)]);
  });

  it("compensation.started in another state re-opens the case there", () => {
    const ev = events();
    const { moves } = foldWithBacklog(null, [
      ev("case.started", at(0), "B"),
      ev("case.failed", at(4)),
      ev("compensation.started", at(6), "refund"),
      ev("compensation.completed", at(9)),
    ]);
    expect(moves).toEqual([move("B", 0, 1), move("B", 4, -1), move("refund", 6, 1), move("refund", 9, -1)]);
  });

  it("compensation of an open case in the same state makes no move (it stays open there)", () => {
    const ev = events();
    const { projection, moves } = foldWithBacklog(null, [
      ev("case.started", at(0), "A"),
      ev("compensation.started", at(3)),
    ]);
    expect(moves).toEqual([move("A", 0, 1)]);
    expect(projection?.status).toBe("compensating");
  });

  it("failed and cancelled cases close like completed ones", () => {
    for (const type of ["case.failed", "case.cancelled", "case.completed"] as const) {
      const ev = events();
      const { moves } = foldWithBacklog(null, [ev("case.started", at(0), "A"), ev(type, at(3))]);
      expect(moves).toEqual([move("A", 0, 1), move("A", 3, -1)]);
    }
  });

  it("events after a case finished make no move", () => {
    const ev = events();
    const { moves } = foldWithBacklog(null, [
      ev("case.started", at(0), "A"),
      ev("case.completed", at(3)),
      ev("case.state_entered", at(4), "B"),
      ev("case.waiting", at(5), "C"),
      ev("step.attempted", at(6), "D"),
    ]);
    expect(moves).toEqual([move("A", 0, 1), move("A", 3, -1)]);
  });

  it("a case without a state counts under NO_STATE until it enters one", () => {
    const ev = events();
    const { moves } = foldWithBacklog(null, [ev("case.started", at(0, 30)), ev("case.state_entered", at(2, 10), "A")]);
    expect(NO_STATE).toBe("");
    expect(moves).toEqual([move(NO_STATE, 0, 1), move(NO_STATE, 2, -1), move("A", 2, 1)]);
  });

  it("a case whose first known event is not case.started opens in that event's state", () => {
    const ev = events();
    const { moves } = foldWithBacklog(null, [ev("step.attempted", at(1, 30), "kyc")]);
    expect(moves).toEqual([move("kyc", 1, 1)]);
  });

  it("folding onto a finished projection with no new effect makes no move", () => {
    const ev = events();
    const first = foldWithBacklog(null, [ev("case.started", at(0), "A"), ev("case.completed", at(2))]);
    const second = foldWithBacklog(first.projection, [ev("step.succeeded", at(3), "A")]);
    expect(second.moves).toEqual([]);
    expect(second.projection?.eventCount).toBe(3);
  });

  it("does not change the projection it starts from", () => {
    const ev = events();
    const start = foldWithBacklog(null, [ev("case.started", at(0), "A")]).projection!;
    const copy = structuredClone(start);
    foldWithBacklog(start, [ev("case.state_entered", at(1), "B"), ev("case.completed", at(2))]);
    expect(start).toEqual(copy);
  });
});

describe("foldWithBacklog in several folds", () => {
  function history(): CaseEvent[] {
    const ev = events();
    return [
      ev("case.started", at(0, 10), undefined, { processVersion: "1.0.0" }),
      ev("case.state_entered", at(0, 50), "intake"),
      ev("step.attempted", at(1, 5), "intake", { attempt: 1, provider: "p1" }),
      ev("step.succeeded", at(1, 40), "intake"),
      ev("case.state_entered", at(3, 0), "kyc"),
      ev("case.waiting", at(3, 30), "kyc"),
      ev("step.attempted", at(7, 0), "kyc", { attempt: 2 }),
      ev("step.failed", at(7, 20), "kyc", { error: { code: "e", message: "boom" } }),
      ev("case.failed", at(8, 0)),
      ev("compensation.started", at(10, 10)),
      ev("step.attempted", at(11, 0), "refund"),
      ev("compensation.completed", at(12, 30)),
    ];
  }

  /** Folds `list` in chunks of the given sizes, each fold starting from the previous projection. */
  function foldInChunks(list: CaseEvent[], sizes: number[]) {
    let projection: CaseProjection | null = null;
    const moves: BacklogMove[] = [];
    let i = 0;
    for (const size of sizes) {
      const r = foldWithBacklog(projection, list.slice(i, i + size));
      projection = r.projection;
      moves.push(...r.moves);
      i += size;
    }
    expect(i).toBe(list.length);
    return { projection, moves };
  }

  const SPLITS = [[12], [1, 11], [6, 6], [3, 3, 3, 3], [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], [5, 0, 2, 5], [11, 1]];

  for (const sizes of SPLITS) {
    it(`gives the same net moves and projection as one fold (chunks ${sizes.join("+")})`, () => {
      const list = history();
      const whole = foldWithBacklog(null, list);
      const chunked = foldInChunks(list, sizes);
      expect(netMoves(chunked.moves)).toEqual(netMoves(whole.moves));
      expect(chunked.projection).toEqual(whole.projection);
      expect(chunked.projection).toEqual(projectCase(list));
    });
  }

  it("the one fold's moves are what the history says", () => {
    // NO_STATE is entered and left within minute 0; a step in "refund" moves the compensating case.
    expect(netMoves(foldWithBacklog(null, history()).moves)).toEqual([
      net("intake", 0, 1),
      net("intake", 3, -1),
      net("kyc", 3, 1),
      net("kyc", 8, -1),
      net("kyc", 10, 1),
      net("kyc", 11, -1),
      net("refund", 11, 1),
      net("refund", 12, -1),
    ]);
  });

  it("a finished case's moves sum to zero in every state", () => {
    expect(netMoves(foldWithBacklog(null, history()).moves).reduce((sum, x) => sum + x.delta, 0)).toBe(0);
    const perState = new Map<string, number>();
    for (const x of foldWithBacklog(null, history()).moves) perState.set(x.state, (perState.get(x.state) ?? 0) + x.delta);
    expect([...perState.values()].every((n) => n === 0)).toBe(true);
  });
});

describe("netMoves", () => {
  it("is empty for no moves", () => {
    expect(netMoves([])).toEqual([]);
    expect(netMoves([], [])).toEqual([]);
  });

  it("cancels +1 and -1 at the same state and minute", () => {
    expect(netMoves([move("A", 3, 1), move("A", 3, -1)])).toEqual([]);
  });

  it("does not cancel across states or minutes", () => {
    expect(netMoves([move("A", 3, 1), move("B", 3, -1), move("A", 4, -1)])).toEqual([
      net("A", 3, 1),
      net("B", 3, -1),
      net("A", 4, -1),
    ]);
  });

  it("sums repeated moves", () => {
    expect(netMoves([move("A", 1, 1), move("A", 1, 1), move("A", 1, 1), move("A", 1, -1)])).toEqual([net("A", 1, 2)]);
  });

  it("sorts by minute, then by state", () => {
    expect(netMoves([move("b", 5, 1), move("a", 5, 1), move("z", 1, -1), move("", 5, 1), move("c", 2, 1)])).toEqual([
      net("z", 1, -1),
      net("c", 2, 1),
      net("", 5, 1),
      net("a", 5, 1),
      net("b", 5, 1),
    ]);
  });

  it("subtracts `minus`: what a case adds now minus what it had added", () => {
    const before = [move("A", 0, 1), move("A", 5, -1), move("B", 5, 1)];
    const after = [move("A", 0, 1), move("A", 6, -1), move("B", 6, 1)];
    expect(netMoves(after, before)).toEqual([net("A", 5, 1), net("B", 5, -1), net("A", 6, -1), net("B", 6, 1)]);
    expect(netMoves(before, before)).toEqual([]);
    expect(netMoves([], before)).toEqual([net("A", 0, -1), net("A", 5, 1), net("B", 5, -1)]);
  });

  it("keeps NO_STATE and states with unusual characters intact", () => {
    expect(netMoves([move(NO_STATE, 0, 1), move("a:b c", 0, 1), move("__proto__", 0, 1)])).toEqual([
      net("", 0, 1),
      net("__proto__", 0, 1),
      net("a:b c", 0, 1),
    ]);
  });

  it("gives minutes as Dates", () => {
    const [x] = netMoves([move("A", 7, 1)]);
    expect(x!.minute).toBeInstanceOf(Date);
    expect(x!.minute.toISOString()).toBe("2026-03-01T09:07:00.000Z");
  });
});

describe("toCaseBacklog / fromCaseBacklog", () => {
  const moves = [move("A", 0, 1), move("A", 5, -1), move(NO_STATE, 5, 1)];

  it("stores [epoch minute, state, delta] triples", () => {
    const e = T0 / 60_000;
    expect(toCaseBacklog(moves)).toEqual([
      [e, "A", 1],
      [e + 5, "A", -1],
      [e + 5, "", 1],
    ]);
    expect(toCaseBacklog([])).toEqual([]);
  });

  it("round-trips, also through JSON (how the case row keeps it)", () => {
    expect(fromCaseBacklog(toCaseBacklog(moves))).toEqual(moves);
    expect(fromCaseBacklog(JSON.parse(JSON.stringify(toCaseBacklog(moves))))).toEqual(moves);
    expect(fromCaseBacklog([])).toEqual([]);
  });

  it("round-trips the moves of a real fold", () => {
    const ev = events();
    const { moves: folded } = foldWithBacklog(null, [
      ev("case.started", at(0, 59)),
      ev("case.state_entered", at(61, 1), "A"),
      ev("case.cancelled", at(1440, 0)),
    ]);
    expect(fromCaseBacklog(toCaseBacklog(folded))).toEqual(folded);
    expect(toCaseBacklog(folded).every(([minute]) => Number.isInteger(minute))).toBe(true);
  });
});

describe("backlogSeries", () => {
  const points = [0, 1, 2, 3, 4].map((min) => new Date(m(min)));

  it("starts from base, with no deltas", () => {
    const series = backlogSeries({ A: 2, B: 1 }, [], points);
    expect(series.map((p) => p.at)).toEqual(points);
    for (const p of series) expect(entries(p.counts)).toEqual([["A", 2], ["B", 1]]);
  });

  it("sums the deltas up to each point; a delta exactly at a point's instant counts for it", () => {
    const deltas = [net("A", 1, 1), net("B", 1, 3), net("A", 3, -2), net("C", 3, 1), net("B", 4, -1)];
    const series = backlogSeries({ A: 2 }, deltas, points);
    expect(series.map((p) => entries(p.counts))).toEqual([
      [["A", 2]],
      [["A", 3], ["B", 3]],
      [["A", 3], ["B", 3]],
      [["A", 1], ["B", 3], ["C", 1]],
      [["A", 1], ["B", 2], ["C", 1]],
    ]);
  });

  it("a delta 1 ms after a point counts only from the next point", () => {
    const deltas: NetMove[] = [{ state: "A", minute: new Date(m(1) + 1), delta: 1 }];
    const series = backlogSeries({}, deltas, [new Date(m(1)), new Date(m(1) + 1)]);
    expect(entries(series[0]!.counts)).toEqual([]);
    expect(entries(series[1]!.counts)).toEqual([["A", 1]]);
  });

  it("works with points between minutes", () => {
    const series = backlogSeries({}, [net("A", 1, 1)], [at(0, 59), at(1, 0), at(1, 30)]);
    expect(series.map((p) => p.counts.A ?? 0)).toEqual([0, 1, 1]);
  });

  it("counts a state that reaches zero as 0", () => {
    const series = backlogSeries({ A: 1 }, [net("A", 1, -1)], points.slice(0, 2));
    expect(series[1]!.counts.A).toBe(0);
  });

  it("gives each point its own counts and leaves base alone", () => {
    const base = { A: 1 };
    const series = backlogSeries(base, [net("A", 1, 1)], points.slice(0, 2));
    series[0]!.counts.A = 100;
    expect(series[1]!.counts.A).toBe(2);
    expect(base).toEqual({ A: 1 });
  });

  it("is empty without points", () => {
    expect(backlogSeries({ A: 1 }, [net("A", 1, 1)], [])).toEqual([]);
  });

  it("works for states named __proto__, constructor, toString and hasOwnProperty", () => {
    const base = Object.fromEntries([["__proto__", 2]]) as Record<string, number>;
    expect(Object.keys(base)).toEqual(["__proto__"]);
    const deltas = [
      net("__proto__", 1, 1),
      net("constructor", 1, 1),
      net("hasOwnProperty", 1, 1),
      net("toString", 1, 1),
      net("constructor", 2, 1),
    ];
    const series = backlogSeries(base, deltas, points.slice(0, 3));
    expect(entries(series[0]!.counts)).toEqual([["__proto__", 2]]);
    expect(entries(series[1]!.counts)).toEqual([
      ["__proto__", 3],
      ["constructor", 1],
      ["hasOwnProperty", 1],
      ["toString", 1],
    ]);
    expect(series[2]!.counts["constructor"]).toBe(2);
    expect(series[2]!.counts["__proto__"]).toBe(3);
    expect(typeof series[2]!.counts["toString"]).toBe("number");
  });

  it("a constructor state with no base starts from 0", () => {
    const series = backlogSeries({}, [net("constructor", 0, 1)], points.slice(0, 1));
    expect(series[0]!.counts["constructor"]).toBe(1);
  });
});

describe("backlog end to end: folded moves → netMoves → backlogSeries", () => {
  /** A small deterministic generator (LCG), so the test is reproducible. */
  function random(seed: number) {
    let s = seed >>> 0;
    return () => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return s / 2 ** 32;
    };
  }

  const STATES = ["A", "B", "constructor", null] as const;

  function randomCase(rnd: () => number): CaseEvent[] {
    const n = 1 + Math.floor(rnd() * 10);
    const out: CaseEvent[] = [];
    for (let i = 0; i < n; i++) {
      const type = i === 0 ? "case.started" : EVENT_TYPES[Math.floor(rnd() * EVENT_TYPES.length)]!;
      const state = STATES[Math.floor(rnd() * STATES.length)];
      out.push({ seq: i + 1, type, at: new Date(T0 + Math.floor(rnd() * 30 * 60_000)), state });
    }
    return out;
  }

  it("the series counts, at each minute, the cases open in each state by the end of that minute", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rnd = random(seed);
      const cases = Array.from({ length: 25 }, () => randomCase(rnd));
      const deltas = netMoves(cases.flatMap((list) => foldWithBacklog(null, list).moves));
      const minutes = Array.from({ length: 32 }, (_, i) => i);
      const series = backlogSeries({}, deltas, minutes.map((i) => new Date(m(i))));

      minutes.forEach((i, k) => {
        const expected = new Map<string, number>();
        for (const list of cases) {
          const c = projectCase(list.filter((e) => e.at.getTime() < m(i + 1)));
          if (c && isOpen(c.status)) expected.set(c.state ?? NO_STATE, (expected.get(c.state ?? NO_STATE) ?? 0) + 1);
        }
        const want = [...expected].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        expect(entries(series[k]!.counts), `seed ${seed}, minute ${i}`).toEqual(want);
      });
    }
  });
});
