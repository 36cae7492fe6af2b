/** Formatting shared by pages and components; pure, so it is unit tested. */

/** 8130 → "2 h 15 m"; 45 → "45 s"; 90061 → "1 d 1 h". Two units at most. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const units: [string, number][] = [
    ["d", 86400],
    ["h", 3600],
    ["m", 60],
    ["s", 1],
  ];
  const parts: string[] = [];
  let rest = s;
  for (const [unit, size] of units) {
    const n = Math.floor(rest / size);
    if (n > 0 || (unit === "s" && parts.length === 0)) parts.push(`${n} ${unit}`);
    rest -= n * size;
    if (parts.length === 2) break;
  }
  // "2 h 0 m" reads worse than "2 h": a zero second unit is dropped.
  return parts.filter((p, i) => i === 0 || !p.startsWith("0 ")).join(" ");
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

/** 12345 → "12,345". */
export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

/** An instant as "2026-11-26 10:04:05" in UTC, for timelines (unambiguous at 3 a.m.). */
export function formatInstant(at: Date | string): string {
  return new Date(at).toISOString().replace("T", " ").slice(0, 19);
}
