import { describe, expect, it } from "vitest";
import type { TEvent } from "@/lib/validation/event";
import { CaseHistories } from "./history";

const e = (caseId: string, type: TEvent["type"], minute: number): TEvent =>
  ({ id: `${caseId}-${minute}`, caseId, process: "order-fulfilment", type, at: new Date(Date.UTC(2026, 10, 1, 0, minute)).toISOString() }) as TEvent;

describe("CaseHistories", () => {
  it("releases a case's events only once it finishes, whole and side by side", () => {
    const histories = new CaseHistories();
    const day1 = [e("a", "case.started", 0), e("b", "case.started", 1), e("a", "case.waiting", 2), e("b", "case.completed", 3)];
    expect(histories.add(day1).map((x) => x.id)).toEqual(["b-1", "b-3"]);
    const day2 = [e("a", "case.state_entered", 1500), e("a", "case.completed", 1600), e("c", "case.started", 1700)];
    expect(histories.add(day2).map((x) => x.id)).toEqual(["a-0", "a-2", "a-1500", "a-1600"]);
    expect(histories.rest().map((x) => x.id)).toEqual(["c-1700"]);
    expect(histories.rest()).toEqual([]);
  });

  it("counts a compensation, a failure and a cancellation as finishing", () => {
    const histories = new CaseHistories();
    const out = histories.add([
      e("x", "case.started", 0),
      e("x", "compensation.completed", 1),
      e("y", "case.started", 2),
      e("y", "case.failed", 3),
      e("z", "case.started", 4),
      e("z", "case.cancelled", 5),
    ]);
    expect(out).toHaveLength(6);
    expect(histories.rest()).toEqual([]);
  });
});
