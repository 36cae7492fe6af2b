import { describe, expect, it } from "vitest";
import { auditChanges, shortValue } from "@/lib/domain/audit-diff";

describe("auditChanges", () => {
  it("lists only the fields that changed, added or removed", () => {
    expect(auditChanges({ status: "delivered", attempts: 1, same: [1, { a: 2 }] }, { status: "succeeded", attempts: 1, same: [1, { a: 2 }], ackMessage: "ok" })).toEqual([
      { field: "status", before: "delivered", after: "succeeded" },
      { field: "ackMessage", before: null, after: "ok" },
    ]);
    expect(auditChanges({ webhookUrl: "https://x" }, {})).toEqual([{ field: "webhookUrl", before: "https://x", after: null }]);
  });

  it("ignores object key order, and sees changes deep inside a field", () => {
    expect(auditChanges({ t: { a: 1, b: 2 } }, { t: { b: 2, a: 1 } })).toEqual([]);
    expect(auditChanges({ t: { a: 1, b: [1, 2] } }, { t: { a: 1, b: [1, 3] } })).toEqual([{ field: "t", before: '{"a":1,"b":[1,2]}', after: '{"a":1,"b":[1,3]}' }]);
  });

  it("a creation lists every field it set; a deletion every field it removed", () => {
    expect(auditChanges(null, { name: "Lending", webhook: false })).toEqual([
      { field: "name", before: null, after: "Lending" },
      { field: "webhook", before: null, after: "false" },
    ]);
    expect(auditChanges({ name: "Lending" }, null)).toEqual([{ field: "name", before: "Lending", after: null }]);
    expect(auditChanges(null, null)).toEqual([]);
    expect(auditChanges("a", "b")).toEqual([{ field: "", before: "a", after: "b" }]);
  });

  it("shortens long values", () => {
    const long = "x".repeat(200);
    expect(shortValue(long)).toHaveLength(60);
    expect(shortValue(long).endsWith("…")).toBe(true);
    expect(shortValue({ a: 1 })).toBe('{"a":1}');
    expect(shortValue(42)).toBe("42");
  });
});
