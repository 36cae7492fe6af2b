import { describe, expect, it } from "vitest";
import { FakeProviders, type Answer } from "@/scripts/demo/fake-provider";
import { Lru } from "@/scripts/demo/lru";

const ok = (): Answer => ({ status: "succeeded" });
const timeout = (): Answer => ({ status: "failed", code: "timeout", message: "payments-x: timeout" });

describe("FakeProviders", () => {
  it("answers a key it already succeeded for with that success, without doing the work again", () => {
    const providers = new FakeProviders();
    let paid = 0;
    const payout = () => (paid++, ok());
    expect(providers.call("payments-x", "LA-1:disbursement", 0, payout)).toEqual({ answer: { status: "succeeded" }, replayed: false });
    expect(providers.call("payments-x", "LA-1:disbursement", 60_000, payout)).toEqual({ answer: { status: "succeeded" }, replayed: true });
    expect(paid).toBe(1);
    expect(providers.sideEffects).toBe(1);
  });

  it("tries again after a failed or declined attempt with the same key: nothing was done", () => {
    const providers = new FakeProviders();
    let calls = 0;
    const declined = (): Answer => (calls++, { status: "declined", code: "payout_refused", message: "refused" });
    expect(providers.call("payments-x", "k", 0, () => (calls++, timeout())).answer.status).toBe("failed");
    expect(providers.call("payments-x", "k", 1, declined).answer.status).toBe("declined");
    expect(providers.hasDone("payments-x", "k")).toBe(false);
    expect(providers.call("payments-x", "k", 2, () => (calls++, ok()))).toEqual({ answer: { status: "succeeded" }, replayed: false });
    expect(calls).toBe(3);
    expect(providers.sideEffects).toBe(1);
  });

  it("scopes a key to its provider: another provider has not seen it and does the work", () => {
    const providers = new FakeProviders();
    providers.call("bureau-a", "LA-1:credit-check", 0, ok);
    expect(providers.call("bureau-b", "LA-1:credit-check", 1, ok).replayed).toBe(false);
    expect(providers.sideEffects).toBe(2);
  });

  it("keeps a bounded number of keys, forgetting the least recently used", () => {
    const providers = new FakeProviders(2);
    providers.call("p", "a", 0, ok);
    providers.call("p", "b", 1, ok);
    providers.call("p", "a", 2, ok); // a is used again, so b is now the oldest
    providers.call("p", "c", 3, ok);
    expect([providers.hasDone("p", "a"), providers.hasDone("p", "b"), providers.hasDone("p", "c")]).toEqual([true, false, true]);
  });
});

describe("Lru", () => {
  it("holds at most its capacity; reading an entry keeps it", () => {
    const lru = new Lru<string, number>(2);
    lru.set("x", 1);
    lru.set("y", 2);
    expect(lru.get("x")).toBe(1);
    lru.set("z", 3);
    expect([lru.has("x"), lru.has("y"), lru.has("z"), lru.size]).toEqual([true, false, true, 2]);
  });
});
