/**
 * How the demo's two processes behave. A case runs stage by stage: each state has a
 * stage (the work done in it) and a next state; the case is a generator that yields
 * its next event and how long after the previous one it happens, and is resumed at
 * that time, so an outcome can depend on the moment (the recurring bureau-a outage).
 * Operator commands start a case again from any state (scripts/demo/commands.ts).
 */
import type { TEvent } from "@/lib/validation/event";
import type { Answer, FakeProviders } from "./fake-provider";

export type Rand = () => number;

/** An event without the fields the simulator fills in (id, caseId, process, at). */
export type Emit = Omit<TEvent, "id" | "caseId" | "process" | "at">;
export type Step = { afterMs: number; emit: Emit };
export type CaseScript = Generator<Step, void, number>;

/**
 * What a stage knows: randomness, the case, whether an operator can help (live) or not
 * (backfill), and the providers it calls.
 */
export type StageCtx = { rand: Rand; caseId: string; live: boolean; providers: FakeProviders };

/**
 * The work of one state; it returns how long after its last event the case moves on,
 * or "ended" when the case finished or is parked and nothing follows by itself.
 */
type Stage = (ctx: StageCtx) => Generator<Step, number | "ended", number>;

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
  ctx: StageCtx,
  call: {
    state: string;
    provider: string;
    key: string;
    transient: (now: number) => number;
    decline?: { chance: number; code: string; message: string };
    maxAttempts: number;
    latency: number;
    firstAttempt?: number;
  },
): Generator<Step, CallOutcome, number> {
  const { rand, providers } = ctx;
  const { state, provider, key: idempotencyKey } = call;
  const first = call.firstAttempt ?? 1;
  let now = yield { afterMs: around(rand, 2 * SEC), emit: { type: "step.attempted", state, provider, attempt: first, idempotencyKey } };
  for (let attempt = first; ; attempt++) {
    const { answer, replayed } = providers.call(provider, idempotencyKey, now, (): Answer => {
      if (call.decline && rand() < call.decline.chance) return { status: "declined", code: call.decline.code, message: call.decline.message };
      if (rand() >= call.transient(now)) return { status: "succeeded" };
      const code = pick(rand, ["timeout", "503", "connection_reset"]);
      return { status: "failed", code, message: `${provider}: ${code}` };
    });
    if (answer.status === "succeeded") {
      // A replayed answer comes from the provider's record of the key: quick, and nothing is done again.
      const afterMs = replayed ? around(rand, SEC / 2) : around(rand, call.latency);
      yield { afterMs, emit: { type: "step.succeeded", state, provider, attempt, idempotencyKey } };
      return "succeeded";
    }
    const error = { code: answer.code, message: answer.message };
    if (answer.status === "declined") {
      yield { afterMs: around(rand, call.latency), emit: { type: "step.failed", state, provider, attempt, idempotencyKey, error } };
      return "declined";
    }
    now = yield { afterMs: around(rand, call.latency * 3), emit: { type: "step.failed", state, provider, attempt, idempotencyKey, error } };
    if (attempt - first + 1 >= call.maxAttempts) return "exhausted";
    // Exponential backoff between attempts: 1, 2, 4, 8 minutes.
    now = yield {
      afterMs: around(rand, 2 ** (attempt - first) * MIN, 0.3),
      emit: { type: "step.attempted", state, provider, attempt: attempt + 1, idempotencyKey },
    };
  }
}

/** A human step that is sometimes forgotten for hours before someone picks it up again. */
function humanDelay(rand: Rand, median: number, forgottenChance: number): number {
  return rand() < forgottenChance ? around(rand, 10 * HOUR, 0.7) : around(rand, median, 0.8);
}

function* fail(rand: Rand, code: string, message: string, compensateIn?: string): Generator<Step, "ended", number> {
  yield { afterMs: around(rand, 20 * SEC), emit: { type: "case.failed", error: { code, message } } };
  if (compensateIn) {
    yield { afterMs: around(rand, 30 * SEC), emit: { type: "compensation.started", state: compensateIn } };
    yield { afterMs: around(rand, 90 * SEC), emit: { type: "compensation.completed" } };
  }
  return "ended";
}

export type ProcessModel = {
  key: string;
  version: string;
  prefix: string;
  /** Average new cases per hour; the day's curve scales it. */
  perHour: number;
  initial: string;
  /** Each state: its stage, its kind, its providers, and the state after it (null: the case completes). */
  states: Record<string, { stage: Stage; human: boolean; providers: string[]; next: string | null }>;
  data: (rand: Rand) => Record<string, unknown>;
};

const LOAN: ProcessModel = {
  key: "loan-approval",
  version: "1.4.0",
  prefix: "LA",
  perHour: 50,
  initial: "intake",
  data: (rand) => ({ amount: Math.round(1000 + rand() * 49_000) }),
  states: {
    intake: {
      human: false,
      providers: [],
      next: "credit-check",
      *stage({ rand }) {
        return around(rand, 40 * SEC);
      },
    },
    "credit-check": {
      human: false,
      providers: ["bureau-a", "bureau-b"],
      next: "manual-review",
      *stage(ctx) {
        const { rand, caseId, live } = ctx;
        const bureau = rand() < 0.65 ? "bureau-a" : "bureau-b";
        const key = `${caseId}:credit-check`;
        const check = yield* callProvider(ctx, {
          state: "credit-check",
          provider: bureau,
          key,
          transient: (now) => (bureau === "bureau-a" && bureauOutage(now) ? 0.85 : 0.04),
          decline: { chance: 0.06, code: "credit_declined", message: "the applicant did not pass the credit check" },
          maxAttempts: 5,
          latency: 3 * SEC,
        });
        if (check === "declined") return yield* fail(rand, "credit_declined", "declined by the credit check");
        if (check === "exhausted") {
          // Parked by the engine. Live, it waits for an operator's command (it is stuck
          // meanwhile); in the backfilled past someone rerouted it by hand after a while.
          if (live) return "ended";
          const other = bureau === "bureau-a" ? "bureau-b" : "bureau-a";
          const at = yield { afterMs: around(rand, 90 * MIN, 0.8), emit: { type: "step.attempted", state: "credit-check", provider: other, attempt: 1, idempotencyKey: key } };
          ctx.providers.call(other, key, at, () => ({ status: "succeeded" }));
          yield { afterMs: around(rand, 3 * SEC), emit: { type: "step.succeeded", state: "credit-check", provider: other, attempt: 1, idempotencyKey: key } };
        }
        return around(rand, 10 * SEC);
      },
    },
    "manual-review": {
      human: true,
      providers: [],
      next: "disbursement",
      *stage({ rand }) {
        const reviewed = humanDelay(rand, 25 * MIN, 0.01);
        if (rand() < 0.08) {
          yield { afterMs: reviewed, emit: { type: "case.cancelled" } }; // declined by the reviewer
          return "ended";
        }
        return reviewed;
      },
    },
    disbursement: {
      human: false,
      providers: ["payments-x"],
      next: "done",
      *stage(ctx) {
        const { rand, caseId } = ctx;
        const paid = yield* callProvider(ctx, {
          state: "disbursement",
          provider: "payments-x",
          key: `${caseId}:disbursement`,
          transient: () => 0.03,
          decline: { chance: 0.015, code: "payout_refused", message: "payments-x refused the payout" },
          maxAttempts: 3,
          latency: 4 * SEC,
        });
        // The loan was booked before the payout: a failed payout is undone.
        if (paid !== "succeeded") return yield* fail(rand, "payout_failed", "the payout did not go through", "disbursement");
        return around(rand, 5 * SEC);
      },
    },
    done: {
      human: false,
      providers: [],
      next: null,
      *stage({ rand }) {
        return around(rand, 2 * SEC);
      },
    },
  },
};

const ORDER: ProcessModel = {
  key: "order-fulfilment",
  version: "2.1.0",
  prefix: "ORD",
  perHour: 100,
  initial: "payment",
  data: (rand) => ({ items: 1 + Math.floor(rand() * 5) }),
  states: {
    payment: {
      human: false,
      providers: ["stripe-like", "adyen-like"],
      next: "pick",
      *stage(ctx) {
        const { rand, caseId } = ctx;
        const charged = yield* callProvider(ctx, {
          state: "payment",
          provider: rand() < 0.7 ? "stripe-like" : "adyen-like",
          key: `${caseId}:payment`,
          transient: () => 0.04,
          decline: { chance: 0.03, code: "card_declined", message: "the card was declined" },
          maxAttempts: 3,
          latency: 2 * SEC,
        });
        if (charged !== "succeeded") return yield* fail(rand, "payment_failed", "the payment did not go through");
        return around(rand, 5 * SEC);
      },
    },
    pick: {
      human: true,
      providers: [],
      next: "pack",
      *stage({ rand }) {
        if (rand() < 0.02) {
          yield { afterMs: around(rand, 8 * MIN), emit: { type: "case.cancelled" } };
          return "ended";
        }
        return humanDelay(rand, 12 * MIN, 0.01);
      },
    },
    pack: {
      human: true,
      providers: [],
      next: "ship",
      *stage({ rand }) {
        return humanDelay(rand, 6 * MIN, 0.005);
      },
    },
    ship: {
      human: false,
      providers: ["carrier-a", "carrier-b"],
      next: "delivered",
      *stage(ctx) {
        const { rand, caseId } = ctx;
        const carrier = rand() < 0.6 ? "carrier-a" : "carrier-b";
        const shipped = yield* callProvider(ctx, {
          state: "ship",
          provider: carrier,
          key: `${caseId}:ship`,
          transient: () => 0.05,
          decline: { chance: 0.01, code: "address_rejected", message: `${carrier} rejected the address` },
          maxAttempts: 4,
          latency: 5 * SEC,
        });
        // Paid but cannot ship: the payment is refunded.
        if (shipped !== "succeeded") return yield* fail(rand, "not_shipped", "the order could not be shipped", "payment");
        return around(rand, 40 * MIN, 0.7); // on the road

      },
    },
    delivered: {
      human: false,
      providers: [],
      next: null,
      *stage({ rand }) {
        return around(rand, 2 * SEC);
      },
    },
  },
};

export const MODELS: ProcessModel[] = [LOAN, ORDER];

export function modelOf(key: string): ProcessModel | undefined {
  return MODELS.find((m) => m.key === key);
}

/** Enters `state` after `afterMs` (waiting when people do it), or completes the case when there is none. */
function* enter(model: ProcessModel, state: string | null, afterMs: number): Generator<Step, void, number> {
  if (state === null) {
    yield { afterMs, emit: { type: "case.completed" } };
    return;
  }
  const human = model.states[state]?.human;
  yield { afterMs, emit: human ? { type: "case.waiting", state } : { type: "case.state_entered", state } };
}

/** Runs a case from inside `state` (already entered) to its end. */
export function* runFrom(model: ProcessModel, state: string, ctx: StageCtx): CaseScript {
  for (let current: string | null = state; current; ) {
    const spec: ProcessModel["states"][string] | undefined = model.states[current];
    if (!spec) return;
    const leaveAfter = yield* spec.stage(ctx);
    if (leaveAfter === "ended") return;
    current = spec.next;
    yield* enter(model, current, leaveAfter);
  }
}

/** Leaves `state` for the next one and runs on from there (after an operator's fix). */
export function* leaveAndRun(model: ProcessModel, state: string, ctx: StageCtx): CaseScript {
  const next = model.states[state]?.next ?? null;
  yield* enter(model, next, around(ctx.rand, 5 * SEC));
  if (next) yield* runFrom(model, next, ctx);
}

/** Moves a case by hand into `state` and runs on from there. */
export function* moveAndRun(model: ProcessModel, state: string, ctx: StageCtx): CaseScript {
  yield* enter(model, state, 500);
  yield* runFrom(model, state, ctx);
}

/** A new case: it starts in the initial state and runs to its end. */
export function* newCase(model: ProcessModel, ctx: StageCtx): CaseScript {
  yield { afterMs: 0, emit: { type: "case.started", processVersion: model.version, state: model.initial, data: model.data(ctx.rand) } };
  yield* runFrom(model, model.initial, ctx);
}

/** Busier in the (UTC) working day, quiet at night and on weekends; averages about 1. */
export function dayCurve(now: number): number {
  const d = new Date(now);
  const hour = d.getUTCHours() + d.getUTCMinutes() / 60;
  const daytime = 0.35 + 1.3 * Math.max(0, Math.sin(((hour - 6) / 14) * Math.PI));
  const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6 ? 0.6 : 1.1;
  return daytime * weekend;
}

export { HOUR, MIN, SEC };
