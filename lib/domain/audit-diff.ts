/**
 * What an audit entry changed, in lines a person can scan: each top-level field whose
 * value differs between before and after (added, removed or changed), values shortened.
 * The full snapshots stay available beside it; this is the summary.
 */
export type AuditChange = { field: string; before: string | null; after: string | null };

const MAX_VALUE = 60;

/** A value as one short line: JSON, cut at MAX_VALUE characters. */
export function shortValue(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value) ?? String(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Stable equality of JSON values (object key order does not matter). */
function same(a: unknown, b: unknown): boolean {
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => same(a[k], b[k]));
  }
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  return a === b;
}

/** A creation (no before) lists each field it set; a deletion (no after) each field it removed. */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  if (before == null && isRecord(after)) return auditChanges({}, after);
  if (isRecord(before) && after == null) return auditChanges(before, {});
  if (!isRecord(before) || !isRecord(after)) {
    if (same(before, after)) return [];
    return [{ field: "", before: before == null ? null : shortValue(before), after: after == null ? null : shortValue(after) }];
  }
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields
    .filter((f) => !same(before[f], after[f]))
    .map((f) => ({
      field: f,
      before: before[f] === undefined ? null : shortValue(before[f]),
      after: after[f] === undefined ? null : shortValue(after[f]),
    }));
}
