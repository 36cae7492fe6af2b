/**
 * How the demo's two processes behave: each case is a generator that yields its next
 * event and how long after the previous one it happens. It is resumed at that time,
 * so a step's outcome can depend on the moment (the recurring bureau-a outage).
 */
import type { TEvent } from "@/lib/validation/event";

export type Rand = () => number;

/** An event without the fields the simulator fills in (id, caseId, process, at). */
export type Emit = Omit<TEvent, "id" | "caseId" | "process" | "at">;
export type Step = { afterMs: number; emit: Emit };
export type CaseScript = Generator<Step, void, number>;

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;

/** A log-normal duration around `median` (most near it, a long tail). */
export function around(rand: Rand, median: number, spread = 0.6): number {
  const u = Math.max(1e-9, rand());
  const v = rand();
  const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return Math.max(SEC, Math.round(median * Math.exp(spread * normal)));
}

/** bureau-a fails most calls for the first 6 minutes of every half hour. */
export function bureauOutage(now: number): boolean {
  return now % (30 * MIN) < 6 * MIN;
}

const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

type CallOutcome = "succeeded" | "declined" | "exhausted";

/**
 * Calls a provider until it answers, with the same idempotency key for every attempt
 * (so a retry never repeats the provider's side effect). Transient failures are retried
 * with exponential backoff; a decline (a business answer) is final.
 */
function* callProvider(
  rand: Rand,
  call: {
    state: string;
    provider: string;
    key: string;
    transient: (now: number) => number;
    decline?: { chance: number; code: string; message: string };
    maxAttempts: number;
    latency: number;
  },
): Generator<Step, CallOutcome, number> {
  const { state, provider, key: idempotencyKey } = call;
  let now = yield { afterMs: around(rand, 2 * SEC), emit: { type: "step.attempted", state, provider, attempt: 1, idempotencyKey } };
  for (let attempt = 1; ; attempt++) {
    if (call.decline && rand() < call.decline.chance) {
      const { code, message } = call.decline;
      yield { afterMs: around(rand, call.latency), emit: { type: "step.failed", state, provider, attempt, idempotencyKey, error: { code, message } } };
      return "declined";
    }
    if (rand() >= call.transient(now)) {
      yield { afterMs: around(rand, call.latency), emit: { type: "step.succeeded", state, provider, attempt, idempotencyKey } };
      return "succeeded";
    }
    const code = pick(rand, ["timeout", "503", "connection_reset"]);
    now = yield {
      afterMs: around(rand, call.latency * 3),
      emit: { type: "step.failed", state, provider, attempt, idempotencyKey, error: { code, message: `${provider}: ${code}` } },
    };
    if (attempt >= call.maxAttempts) return "exhausted";
    // Exponential backoff between attempts: 1, 2, 4, 8 minutes.
    now = yield {
      afterMs: around(rand, 2 ** (attempt - 1) * MIN, 0.3),
      emit: { type: "step.attempted", state, provider, attempt: attempt + 1, idempotencyKey },
    };
  }
}

/** A human step that is sometimes forgotten for hours before someone picks it up again. */
function humanDelay(rand: Rand, median: number, forgottenChance: number): number {
  return rand() < forgottenChance ? around(rand, 10 * HOUR, 0.7) : around(rand, median, 0.8);
}

export function* loanApproval(rand: Rand, caseId: string): CaseScript {
  yield { afterMs: 0, emit: { type: "case.started", processVersion: "1.4.0", state: "intake", data: { amount: Math.round(1000 + rand() * 49_000) } } };
  yield { afterMs: around(rand, 40 * SEC), emit: { type: "case.state_entered", state: "credit-check" } };
  const bureau = rand() < 0.65 ? "bureau-a" : "bureau-b";
  const key = `${caseId}:credit-check`;
  let check = yield* callProvider(rand, {
    state: "credit-check",
    provider: bureau,
    key,
    transient: (now) => (bureau === "bureau-a" && bureauOutage(now) ? 0.85 : 0.04),
    decline: { chance: 0.06, code: "credit_declined", message: "the applicant did not pass the credit check" },
    maxAttempts: 5,
    latency: 3 * SEC,
  });
  if (check === "exhausted") {
    // Parked by the engine until an operator reroutes it to the other bureau (stuck meanwhile).
    const other = bureau === "bureau-a" ? "bureau-b" : "bureau-a";
    yield { afterMs: around(rand, 90 * MIN, 0.8), emit: { type: "step.attempted", state: "credit-check", provider: other, attempt: 1, idempotencyKey: key } };
    yield { afterMs: around(rand, 3 * SEC), emit: { type: "step.succeeded", state: "credit-check", provider: other, attempt: 1, idempotencyKey: key } };
    check = "succeeded";
  }
  if (check === "declined") {
    yield { afterMs: around(rand, 5 * SEC), emit: { type: "case.failed", error: { code: "credit_declined", message: "declined by the credit check" } } };
    return;
  }
  yield { afterMs: around(rand, 10 * SEC), emit: { type: "case.waiting", state: "manual-review" } };
  const reviewed = humanDelay(rand, 25 * MIN, 0.01);
  if (rand() < 0.08) {
    yield { afterMs: reviewed, emit: { type: "case.cancelled" } }; // declined by the reviewer
    return;
  }
  yield { afterMs: reviewed, emit: { type: "case.state_entered", state: "disbursement" } };
  const paid = yield* callProvider(rand, {
    state: "disbursement",
    provider: "payments-x",
    key: `${caseId}:disbursement`,
    transient: () => 0.03,
    decline: { chance: 0.015, code: "payout_refused", message: "payments-x refused the payout" },
    maxAttempts: 3,
    latency: 4 * SEC,
  });
  if (paid !== "succeeded") {
    // The loan was booked before the payout: undo it.
    yield { afterMs: around(rand, 20 * SEC), emit: { type: "case.failed", error: { code: "payout_failed", message: "the payout did not go through" } } };
    yield { afterMs: around(rand, 30 * SEC), emit: { type: "compensation.started", state: "disbursement" } };
    yield { afterMs: around(rand, 2 * MIN), emit: { type: "compensation.completed" } };
    return;
  }
  yield { afterMs: around(rand, 5 * SEC), emit: { type: "case.state_entered", state: "done" } };
  yield { afterMs: around(rand, 2 * SEC), emit: { type: "case.completed" } };
}

export function* orderFulfilment(rand: Rand, caseId: string): CaseScript {
  const payment = rand() < 0.7 ? "stripe-like" : "adyen-like";
  yield { afterMs: 0, emit: { type: "case.started", processVersion: "2.1.0", state: "payment", data: { items: 1 + Math.floor(rand() * 5) } } };
  const charged = yield* callProvider(rand, {
    state: "payment",
    provider: payment,
    key: `${caseId}:payment`,
    transient: () => 0.04,
    decline: { chance: 0.03, code: "card_declined", message: "the card was declined" },
    maxAttempts: 3,
    latency: 2 * SEC,
  });
  if (charged !== "succeeded") {
    yield { afterMs: around(rand, 10 * SEC), emit: { type: "case.failed", error: { code: "payment_failed", message: "the payment did not go through" } } };
    return;
  }
  yield { afterMs: around(rand, 5 * SEC), emit: { type: "case.waiting", state: "pick" } };
  if (rand() < 0.02) {
    yield { afterMs: around(rand, 8 * MIN), emit: { type: "case.cancelled" } };
    return;
  }
  yield { afterMs: humanDelay(rand, 12 * MIN, 0.01), emit: { type: "case.waiting", state: "pack" } };
  yield { afterMs: humanDelay(rand, 6 * MIN, 0.005), emit: { type: "case.state_entered", state: "ship" } };
  const carrier = rand() < 0.6 ? "carrier-a" : "carrier-b";
  const shipped = yield* callProvider(rand, {
    state: "ship",
    provider: carrier,
    key: `${caseId}:ship`,
    transient: () => 0.05,
    decline: { chance: 0.01, code: "address_rejected", message: `${carrier} rejected the address` },
    maxAttempts: 4,
    latency: 5 * SEC,
  });
  if (shipped !== "succeeded") {
    // Paid but cannot ship: refund the payment.
    yield { afterMs: around(rand, 30 * SEC), emit: { type: "case.failed", error: { code: "not_shipped", message: "the order could not be shipped" } } };
    yield { afterMs: around(rand, 30 * SEC), emit: { type: "compensation.started", state: "payment" } };
    yield { afterMs: around(rand, 1 * MIN), emit: { type: "compensation.completed" } };
    return;
  }
  yield { afterMs: around(rand, 40 * MIN, 0.7), emit: { type: "case.state_entered", state: "delivered" } };
  yield { afterMs: around(rand, 2 * SEC), emit: { type: "case.completed" } };
}

export type ProcessModel = {
  key: string;
  prefix: string;
  /** Average new cases per hour; the day's curve scales it. */
  perHour: number;
  script: (rand: Rand, caseId: string) => CaseScript;
};

export const MODELS: ProcessModel[] = [
  { key: "loan-approval", prefix: "LA", perHour: 50, script: loanApproval },
  { key: "order-fulfilment", prefix: "ORD", perHour: 100, script: orderFulfilment },
];

/** Busier in the (UTC) working day, quiet at night and on weekends; averages about 1. */
export function dayCurve(now: number): number {
  const d = new Date(now);
  const hour = d.getUTCHours() + d.getUTCMinutes() / 60;
  const daytime = 0.35 + 1.3 * Math.max(0, Math.sin(((hour - 6) / 14) * Math.PI));
  const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6 ? 0.6 : 1.1;
  return daytime * weekend;
}

export { HOUR, MIN, SEC };
