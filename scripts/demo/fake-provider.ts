/**
 * The demo's external providers (credit bureaus, payment and shipping services). Like a
 * real one, each remembers the requests it carried out by idempotency key: a repeated
 * call with a key it already succeeded for answers that success again without doing the
 * work (a second charge, payout or shipment) twice.
 */
import { Lru } from "./lru";

/** What a provider answers one call: done, a business refusal, or a transient error. */
export type Answer = { status: "succeeded" } | { status: "declined" | "failed"; code: string; message: string };

export type CallResult = { answer: Answer; replayed: boolean };

/** Keys are kept for the most recent calls only, as providers keep them for a day or so. */
const REMEMBERED_KEYS = 50_000;

export class FakeProviders {
  /** "<provider> <key>" → when the work was done. A key is only scoped to its own provider. */
  private readonly done: Lru<string, number>;
  /** How many times any provider actually did the work (the side effect), for tests and checks. */
  private effects = 0;

  constructor(capacity = REMEMBERED_KEYS) {
    this.done = new Lru(capacity);
  }

  get sideEffects(): number {
    return this.effects;
  }

  /**
   * Calls `provider` with `key` at `now`. `work` decides how this attempt goes; it runs
   * only when the provider has no success recorded for the key. A failed or declined
   * attempt did nothing, so it is not recorded and the same key may try again.
   */
  call(provider: string, key: string, now: number, work: () => Answer): CallResult {
    const id = `${provider} ${key}`;
    if (this.done.get(id) !== undefined) return { answer: { status: "succeeded" }, replayed: true };
    const answer = work();
    if (answer.status === "succeeded") {
      this.done.set(id, now);
      this.effects++;
    }
    return { answer, replayed: false };
  }

  /** Whether `provider` has carried out the request with `key` (and still remembers it). */
  hasDone(provider: string, key: string): boolean {
    return this.done.has(`${provider} ${key}`);
  }
}
