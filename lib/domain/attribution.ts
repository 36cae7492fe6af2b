import type { CaseBacklog } from "@/lib/domain/backlog";

/**
 * Minutes a case spent open in each state, from the backlog moves it contributed
 * (+1 when it entered a state, −1 when it left it or finished). A state it is still in
 * counts up to `now`.
 */
export function minutesInStates(moves: CaseBacklog, now: Date): Map<string, number> {
  const entered = new Map<string, number[]>();
  const out = new Map<string, number>();
  // By minute only: the sort is stable, so moves within a minute keep the order they were
  // made in (a state entered and left in the same minute pairs up).
  const sorted = [...moves].sort((a, b) => a[0] - b[0]);
  for (const [minute, state, delta] of sorted) {
    if (delta === 1) entered.set(state, [...(entered.get(state) ?? []), minute]);
    else {
      const starts = entered.get(state) ?? [];
      const start = starts.shift();
      if (start !== undefined) out.set(state, (out.get(state) ?? 0) + (minute - start));
    }
  }
  const nowMinute = Math.floor(now.getTime() / 60_000);
  for (const [state, starts] of entered) for (const start of starts) out.set(state, (out.get(state) ?? 0) + Math.max(0, nowMinute - start));
  return out;
}

/** Which states the given cases spent the most time in: where the budget went. */
export function attribute(cases: readonly CaseBacklog[], now: Date): { state: string; minutes: number; share: number; cases: number }[] {
  const minutes = new Map<string, number>();
  const counts = new Map<string, number>();
  for (const moves of cases) {
    for (const [state, m] of minutesInStates(moves, now)) {
      minutes.set(state, (minutes.get(state) ?? 0) + m);
      counts.set(state, (counts.get(state) ?? 0) + 1);
    }
  }
  const total = [...minutes.values()].reduce((a, b) => a + b, 0);
  return [...minutes]
    .map(([state, m]) => ({ state, minutes: m, share: total === 0 ? 0 : m / total, cases: counts.get(state) ?? 0 }))
    .sort((a, b) => b.minutes - a.minutes);
}
