import { describe, expect, it } from "vitest";
import { canonicalJson } from "@/lib/domain/canonical-json";

describe("canonicalJson", () => {
  it("ignores key order at every level but keeps array order", () => {
    const a = { states: [{ name: "intake", kind: "task" }], initial: "intake" };
    const b = { initial: "intake", states: [{ kind: "task", name: "intake" }] };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });

  it("tells different values apart", () => {
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: "1" }));
    expect(canonicalJson({ a: null })).not.toBe(canonicalJson({}));
  });
});
