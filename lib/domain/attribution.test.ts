import { describe, it, expect } from "vitest";
import { attribute, minutesInStates } from "@/lib/domain/attribution";
import type { CaseBacklog } from "@/lib/domain/backlog";

/** 2026-03-01 09:00 UTC in epoch minutes (CaseBacklog's unit). */
const M0 = Date.UTC(2026, 2, 1, 9, 0) / 60_000;
/** The instant `min` minutes (plus `sec` seconds) after M0. */
const at = (min: number, sec = 0) => new Date((M0 + min) * 60_000 + sec * 1000);
/** A backlog triple `min` minutes after M0. */
const mv = (min: number, state: string, delta: 1 | -1): CaseBacklog[number] => [M0 + min, state, delta];

const asObject = (m: Map<string, number>) => Object.fromEntries(m);

/** A deterministic shuffle (reverse, then interleave) so "unsorted" does not depend on luck. */
function scramble<T>(xs: readonly T[]): T[] {
  const r = [...xs].reverse();
  return [...r.filter((_, i) => i % 2 === 1), ...r.filter((_, i) => i % 2 === 0)];
}

describe("minutesInStates", () => {
  it("no moves: no states", () => {
    expect(minutesInStates([], at(100)).size).toBe(0);
  });

  it("a case through A → B → finished: the minutes between its moves", () => {
    const moves: CaseBacklog = [mv(0, "A", 1), mv(10, "A", -1), mv(10, "B", 1), mv(25, "B", -1)];
    expect(asObject(minutesInStates(moves, at(1000)))).toEqual({ A: 10, B: 15 });
  });

  it("a finished case does not depend on now", () => {
    const moves: CaseBacklog = [mv(0, "A", 1), mv(10, "A", -1), mv(10, "B", 1), mv(25, "B", -1)];
    expect(asObject(minutesInStates(moves, at(25)))).toEqual(asObject(minutesInStates(moves, at(100_000))));
  });

  it("a still-open last state counts up to now (whole minutes)", () => {
    const moves: CaseBacklog = [mv(0, "A", 1), mv(10, "A", -1), mv(10, "B", 1)];
    expect(asObject(minutesInStates(moves, at(40)))).toEqual({ A: 10, B: 30 });
    // 40 min 59 s after M0 is still minute 40
    expect(asObject(minutesInStates(moves, at(40, 59)))).toEqual({ A: 10, B: 30 });
    expect(asObject(minutesInStates(moves, at(41)))).toEqual({ A: 10, B: 31 });
  });

  it("an open state entered after now counts 0, never negative", () => {
    expect(asObject(minutesInStates([mv(50, "A", 1)], at(40)))).toEqual({ A: 0 });
  });

  it("re-entering a state sums both stays", () => {
    // A 0–10, B 10–15, A 15–40, finished at 40
    const moves: CaseBacklog = [mv(0, "A", 1), mv(10, "A", -1), mv(10, "B", 1), mv(15, "B", -1), mv(15, "A", 1), mv(40, "A", -1)];
    expect(asObject(minutesInStates(moves, at(1000)))).toEqual({ A: 35, B: 5 });
  });

  it("re-entering a state and still being in it: the closed stay plus the open one up to now", () => {
    // A 0–10, B 10–15, A 15–now (60)
    const moves: CaseBacklog = [mv(0, "A", 1), mv(10, "A", -1), mv(10, "B", 1), mv(15, "B", -1), mv(15, "A", 1)];
    expect(asObject(minutesInStates(moves, at(60)))).toEqual({ A: 55, B: 5 });
  });

  it("leaving and re-entering the same state in the same minute (a restart) keeps the time continuous", () => {
    // A 0–10, A again 10–30
    const moves: CaseBacklog = [mv(0, "A", 1), mv(10, "A", -1), mv(10, "A", 1), mv(30, "A", -1)];
    expect(asObject(minutesInStates(moves, at(1000)))).toEqual({ A: 30 });
  });

  it("unsorted input gives the same minutes as sorted input", () => {
    const moves: CaseBacklog = [
      mv(0, "A", 1),
      mv(10, "A", -1),
      mv(10, "B", 1),
      mv(15, "B", -1),
      mv(15, "A", 1),
      mv(40, "A", -1),
      mv(40, "C", 1),
    ];
    const expected = { A: 35, B: 5, C: 20 };
    expect(asObject(minutesInStates(moves, at(60)))).toEqual(expected);
    const unsorted = scramble(moves);
    expect(unsorted).not.toEqual(moves);
    expect(asObject(minutesInStates(unsorted, at(60)))).toEqual(expected);
    expect(asObject(minutesInStates([...moves].reverse(), at(60)))).toEqual(expected);
  });

  it("does not modify its input", () => {
    const moves: CaseBacklog = [mv(10, "A", -1), mv(0, "A", 1)];
    const copy = structuredClone(moves);
    minutesInStates(moves, at(60));
    expect(moves).toEqual(copy);
  });
});

describe("attribute", () => {
  const now = at(60);
  // case 1: A 0–10, B 10–40, finished → A 10, B 30
  const c1: CaseBacklog = [mv(0, "A", 1), mv(10, "A", -1), mv(10, "B", 1), mv(40, "B", -1)];
  // case 2: A 0–20, C 20–25, A 25–now(60) → A 20 + 35 = 55, C 5 (given unsorted)
  const c2: CaseBacklog = scramble([mv(0, "A", 1), mv(20, "A", -1), mv(20, "C", 1), mv(25, "C", -1), mv(25, "A", 1)]);
  // case 3: B 0–5, finished → B 5
  const c3: CaseBacklog = [mv(0, "B", 1), mv(5, "B", -1)];
  // totals: A 65, B 35, C 5 = 105

  it("sums the minutes per state over the cases, sorted by minutes, most first", () => {
    const result = attribute([c1, c2, c3], now);
    expect(result.map((r) => [r.state, r.minutes])).toEqual([
      ["A", 65],
      ["B", 35],
      ["C", 5],
    ]);
  });

  it("shares are each state's part of all minutes and sum to 1", () => {
    const result = attribute([c1, c2, c3], now);
    expect(result.map((r) => r.share)).toEqual([65 / 105, 35 / 105, 5 / 105]);
    expect(result.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 12);
  });

  it("counts the cases that spent time in each state (a case re-entering a state counts once)", () => {
    const result = attribute([c1, c2, c3], now);
    expect(Object.fromEntries(result.map((r) => [r.state, r.cases]))).toEqual({ A: 2, B: 2, C: 1 });
  });

  it("the order of the cases does not matter", () => {
    expect(attribute([c3, c2, c1], now)).toEqual(attribute([c1, c2, c3], now));
  });

  it("no cases: nothing", () => {
    expect(attribute([], now)).toEqual([]);
  });

  it("zero minutes in total: shares are 0, not NaN", () => {
    // a case that entered A this very minute
    expect(attribute([[mv(60, "A", 1)]], now)).toEqual([{ state: "A", minutes: 0, share: 0, cases: 1 }]);
  });

  it("one case, one state: share 1", () => {
    expect(attribute([[mv(0, "A", 1), mv(45, "A", -1)]], now)).toEqual([{ state: "A", minutes: 45, share: 1, cases: 1 }]);
  });
});

describe("a state entered and left within one minute", () => {
  it("counts zero minutes for it, not until now", () => {
    const moves: CaseBacklog = [
      [0, "A", 1],
      [10, "A", -1],
      [10, "B", 1],
      [10, "B", -1],
      [10, "C", 1],
      [20, "C", -1],
    ];
    expect(Object.fromEntries(minutesInStates(moves, new Date(24 * 3600 * 1000)))).toEqual({ A: 10, B: 0, C: 10 });
  });
});
