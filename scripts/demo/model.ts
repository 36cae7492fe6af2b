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

/**
 * Calls a provider until it succeeds, with the same idempotency key for every attempt
 * (so a retry never repeats the provider's side effect). Returns whether it succeeded.
 */
function* callProvider(
  rand: Rand,
  state: string,
  provider: string,
  key: string,
  failChance: (now: number) => number,
  maxAttempts: number,
  latency: number,
): Generator<Step, boolean, number> {
  let now = yield { afterMs: around(rand, 2 * SEC), emit: { type: "step.attempted", state, provider, attempt: 1, idempotencyKey: key } };
  for (let attempt = 1; ; attempt++) {
    const failed = rand() < failChance(now);
    if (!failed) {
      yield { afterMs: around(rand, latency), emit: { type: "step.succeeded", state, provider, attempt, idempotencyKey: key } };
      return true;
    }
    const code = pick(rand, ["timeout", "503", "connection_reset"]);
    now = yield {
      afterMs: around(rand, latency * 3),
      emit: { type: "step.failed", state, provider, attempt, idempotencyKey: key, error: { code, message: `${provider}: ${code}` } },
    };
    if (attempt >= maxAttempts) return false;
    // Exponential backoff between attempts: 1, 2, 4, 8 minutes.
    now = yield {
      afterMs: around(rand, 2 ** (attempt - 1) * MIN, 0.3),
      emit: { type: "step.attempted", state, provider, attempt: attempt + 1, idempotencyKey: key },
    };
  }
}

export function* loanApproval(rand: Rand, caseId: string): CaseScript {
  yield { afterMs: 0, emit: { type: "case.started", processVersion: "1.4.0", state: "intake", data: { amount: Math.round(1000 + rand() * 49_000) } } };
  yield { afterMs: around(rand, 40 * SEC), emit: { type: "case.state_entered", state: "credit-check" } };
  const bureau = rand() < 0.65 ? "bureau-a" : "bureau-b";
  const checked = yield* callProvider(
    rand,
    "credit-check",
    bureau,
    `${caseId}:credit-check`,
    (now) => (bureau === "bureau-a" && bureauOutage(now) ? 0.85 : 0.04),
    5,
    3 * SEC,
  );
  if (!checked) {
    // Out of attempts: the engine parks the case for an operator (it will look stuck).
    if (rand() < 0.5) return;
    yield { afterMs: around(rand, 30 * SEC), emit: { type: "case.failed", error: { code: "credit_check_unavailable", message: `${bureau} did not answer after 5 attempts` } } };
    return;
  }
  yield { afterMs: around(rand, 10 * SEC), emit: { type: "case.waiting", state: "manual-review" } };
  if (rand() < 0.02) return; // forgotten in a reviewer's queue: stuck after 4 h
  const reviewed = around(rand, 25 * MIN, 0.9);
  if (rand() < 0.08) {
    yield { afterMs: reviewed, emit: { type: "case.cancelled" } }; // declined by the reviewer
    return;
  }
  yield { afterMs: reviewed, emit: { type: "case.state_entered", state: "disbursement" } };
  const paid = yield* callProvider(rand, "disbursement", "payments-x", `${caseId}:disbursement`, () => 0.03, 2, 4 * SEC);
  if (!paid) {
    yield { afterMs: around(rand, 20 * SEC), emit: { type: "case.failed", error: { code: "payout_failed", message: "payments-x refused the payout" } } };
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
  const charged = yield* callProvider(rand, "payment", payment, `${caseId}:payment`, () => 0.05, 3, 2 * SEC);
  if (!charged) {
    yield { afterMs: around(rand, 10 * SEC), emit: { type: "case.failed", error: { code: "card_declined", message: "the payment was declined" } } };
    return;
  }
  yield { afterMs: around(rand, 5 * SEC), emit: { type: "case.waiting", state: "pick" } };
  if (rand() < 0.01) return; // the picker never confirms: stuck after 2 h
  if (rand() < 0.02) {
    yield { afterMs: around(rand, 8 * MIN), emit: { type: "case.cancelled" } };
    return;
  }
  yield { afterMs: around(rand, 12 * MIN, 0.8), emit: { type: "case.waiting", state: "pack" } };
  yield { afterMs: around(rand, 6 * MIN, 0.8), emit: { type: "case.state_entered", state: "ship" } };
  const carrier = rand() < 0.6 ? "carrier-a" : "carrier-b";
  const shipped = yield* callProvider(rand, "ship", carrier, `${caseId}:ship`, () => 0.05, 4, 5 * SEC);
  if (!shipped) {
    yield { afterMs: around(rand, 30 * SEC), emit: { type: "case.failed", error: { code: "no_carrier", message: `${carrier} could not book the shipment` } } };
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
