import { describe, expect, it } from "vitest";
import { ATTENTION_AFTER_SEC, attentionCutoff, deliveryState, viewsOf } from "@/lib/domain/outbox";

const NOW = new Date("2026-11-26T12:00:00Z");
const ago = (sec: number) => new Date(NOW.getTime() - sec * 1000);

describe("deliveryState", () => {
  it("an answered command is answered, whatever happened on the way", () => {
    for (const status of ["succeeded", "failed", "rejected"] as const) {
      expect(deliveryState({ status, requestedAt: ago(3600), deadAt: null }, NOW)).toBe("answered");
      // A manual retry after a dead letter may still be answered later.
      expect(deliveryState({ status, requestedAt: ago(90_000), deadAt: ago(10) }, NOW)).toBe("answered");
    }
  });

  it("a dead-lettered command is dead until someone retries it", () => {
    expect(deliveryState({ status: "requested", requestedAt: ago(90_000), deadAt: ago(5) }, NOW)).toBe("dead");
  });

  it("an unanswered command is in flight up to the attention limit, overdue after it", () => {
    expect(deliveryState({ status: "requested", requestedAt: ago(5), deadAt: null }, NOW)).toBe("waiting");
    expect(deliveryState({ status: "delivered", requestedAt: ago(5), deadAt: null }, NOW)).toBe("delivered");
    expect(deliveryState({ status: "delivered", requestedAt: ago(ATTENTION_AFTER_SEC), deadAt: null }, NOW)).toBe("delivered");
    expect(deliveryState({ status: "delivered", requestedAt: ago(ATTENTION_AFTER_SEC + 1), deadAt: null }, NOW)).toBe("overdue");
    expect(deliveryState({ status: "requested", requestedAt: ago(ATTENTION_AFTER_SEC + 1), deadAt: null }, NOW)).toBe("overdue");
  });
});

describe("views", () => {
  it("puts dead and overdue commands under attention, every unanswered live one in flight", () => {
    expect(viewsOf("dead")).toEqual(["attention", "dead"]);
    expect(viewsOf("overdue")).toEqual(["attention", "in_flight"]);
    expect(viewsOf("waiting")).toEqual(["in_flight"]);
    expect(viewsOf("delivered")).toEqual(["in_flight"]);
    expect(viewsOf("answered")).toEqual(["answered"]);
  });

  it("the cutoff is the attention limit before now", () => {
    expect(attentionCutoff(NOW)).toEqual(ago(ATTENTION_AFTER_SEC));
  });
});
