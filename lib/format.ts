/** Formatting shared by pages and components; pure, so it is unit tested. */

/** 8130 → "2 h 15 m"; 45 → "45 s"; 90061 → "1 d 1 h"; 7205 → "2 h": the largest unit and the next one. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const units: [string, number][] = [
    ["d", 86400],
    ["h", 3600],
    ["m", 60],
    ["s", 1],
  ];
  const first = units.findIndex(([, size]) => s >= size);
  if (first === -1) return "0 s";
  const [unit, size] = units[first]!;
  const text = `${Math.floor(s / size)} ${unit}`;
  const next = units[first + 1];
  const rest = next ? Math.floor((s % size) / next[1]) : 0;
  return rest > 0 ? `${text} ${rest} ${next![0]}` : text;
}

/** "3 s ago", "5 min ago", "2 h ago", "in 4 min" relative to `now`. */
export function formatRelative(at: Date | string, now: Date): string {
  const diff = Math.round((now.getTime() - new Date(at).getTime()) / 1000);
  const abs = Math.abs(diff);
  const text = abs < 60 ? `${abs} s` : abs < 3600 ? `${Math.floor(abs / 60)} min` : abs < 86400 ? `${Math.floor(abs / 3600)} h` : `${Math.floor(abs / 86400)} d`;
  return diff >= 0 ? `${text} ago` : `in ${text}`;
}

/** 0.0423 → "4.2%"; null → "—". */
export function formatPercent(ratio: number | null, digits = 1): string {
  return ratio === null ? "—" : `${(ratio * 100).toFixed(digits)}%`;
}

/**
 * An error budget's remaining share: 0.62 → "62% left"; an overspent one says how many
 * budgets went, -19 → "spent 20×" (not "-1900%").
 */
export function formatBudgetLeft(ratio: number | null, digits = 1): string {
  if (ratio === null) return "—";
  if (ratio >= 0) return `${formatPercent(ratio, digits)} left`;
  const spent = 1 - ratio;
  return `spent ${spent >= 10 ? spent.toFixed(0) : spent.toFixed(1)}×`;
}

/** 12345 → "12,345". */
export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

/** An instant as "2026-11-26 10:04:05" in UTC, for timelines (unambiguous at 3 a.m.). */
export function formatInstant(at: Date | string): string {
  return new Date(at).toISOString().replace("T", " ").slice(0, 19);
}
