import { describe, expect, it } from "vitest";
import type { TEvent } from "@/lib/validation/event";
import { seededRandom } from "@/lib/domain/seeded-random";
import type { FakeProviders } from "@/scripts/demo/fake-provider";
import { needsStepLookup, react, type EngineCommand } from "@/scripts/demo/commands";
import { HOUR, type CaseScript } from "@/scripts/demo/model";
import { Simulator } from "@/scripts/demo/simulator";

const T0 = Date.UTC(2026, 2, 3, 10, 0, 0);
const CASE = "LA-000042";
const KEY = `${CASE}:credit-check`;

/** An engine with no new arrivals, so only the cases a test puts in it produce events. */
function engine(): Simulator {
  const sim = new Simulator(seededRandom(7), [], T0, 0, "test");
  sim.live = true;
  return sim;
}

/** The case tried its credit check on bureau-b four times and the engine parked it. */
function* failedOnBureauB(): CaseScript {
  yield { afterMs: 0, emit: { type: "case.state_entered", state: "credit-check" } };
  for (let attempt = 1; attempt <= 4; attempt++) {
    yield { afterMs: 1000, emit: { type: "step.attempted", state: "credit-check", provider: "bureau-b", attempt, idempotencyKey: KEY } };
    yield { afterMs: 1000, emit: { type: "step.failed", state: "credit-check", provider: "bureau-b", attempt, idempotencyKey: KEY, error: { code: "timeout", message: "bureau-b: timeout" } } };
  }
}

const restart = (id: string, caseId = CASE, state = "credit-check"): EngineCommand => ({
  id,
  type: "restart_step",
  caseId,
  process: "loan-approval",
  state,
  idempotencyKey: `${caseId}:${state}`,
  params: {},
});

const steps = (events: TEvent[], state: string) =>
  events.filter((e) => e.state === state && e.type.startsWith("step.")).map((e) => [e.type, e.provider, e.attempt, e.idempotencyKey]);

describe("restart_step", () => {
  it("repeats the step on the case's current provider with its last attempt's key", () => {
    const sim = engine();
    sim.replace(CASE, "loan-approval", failedOnBureauB(), T0);
    sim.advance(T0 + 60_000);

    expect(react(sim, restart("cmd-1"), T0 + 60_000)).toEqual({ status: "succeeded" });
    const events = sim.advance(T0 + 24 * HOUR);
    expect(steps(events, "credit-check")).toEqual([
      ["step.attempted", "bureau-b", 5, KEY],
      ["step.succeeded", "bureau-b", 5, KEY],
    ]);
    expect(sim.providers.hasDone("bureau-b", KEY)).toBe(true);
    expect(sim.providers.hasDone("bureau-a", KEY)).toBe(false);
  });

  it("asks Flowdeck for the provider of a case it forgot, and never guesses one of several", () => {
    const sim = engine(); // restarted: it knows nothing of the case
    const command = restart("cmd-1");
    expect(needsStepLookup(sim, command)).toBe(true);
    expect(react(sim, command, T0).status).toBe("rejected");

    const again = engine();
    again.rememberStep(CASE, { state: "credit-check", provider: "bureau-b", key: KEY, attempt: 4 });
    expect(needsStepLookup(again, restart("cmd-2"))).toBe(false);
    expect(react(again, restart("cmd-2"), T0)).toEqual({ status: "succeeded" });
    expect(steps(again.advance(T0 + 60_000), "credit-check")[0]).toEqual(["step.attempted", "bureau-b", 5, KEY]);
  });

  it("uses a step's only provider without asking", () => {
    const sim = engine();
    const command = restart("cmd-1", CASE, "disbursement");
    expect(needsStepLookup(sim, command)).toBe(false);
    expect(react(sim, command, T0)).toEqual({ status: "succeeded" });
    expect(steps(sim.advance(T0 + 60_000), "disbursement")[0]?.[1]).toBe("payments-x");
  });
});

describe("restart_step against the provider's record of the key", () => {
  const PAYOUT = `${CASE}:disbursement`;

  /** The payout was made, but its answer never reached the engine: the case hangs in disbursement. */
  function* paidButHung(providers: FakeProviders): CaseScript {
    const at = yield { afterMs: 0, emit: { type: "step.attempted", state: "disbursement", provider: "payments-x", attempt: 1, idempotencyKey: PAYOUT } };
    providers.call("payments-x", PAYOUT, at, () => ({ status: "succeeded" }));
  }

  it("completes the step with the same key and pays nothing a second time when the payout was made", () => {
    const sim = engine();
    sim.replace(CASE, "loan-approval", paidButHung(sim.providers), T0);
    sim.advance(T0 + 60_000);
    expect(sim.providers.sideEffects).toBe(1);

    react(sim, restart("cmd-1", CASE, "disbursement"), T0 + 60_000);
    const events = sim.advance(T0 + 24 * HOUR);
    expect(steps(events, "disbursement")).toEqual([
      ["step.attempted", "payments-x", 2, PAYOUT],
      ["step.succeeded", "payments-x", 2, PAYOUT],
    ]);
    expect(events.at(-1)?.type).toBe("case.completed");
    expect(sim.providers.sideEffects).toBe(1);
  });

  it("does the work when the previous attempt failed: nothing was recorded for the key", () => {
    const sim = engine();
    sim.replace(CASE, "loan-approval", failedOnBureauB(), T0);
    sim.advance(T0 + 60_000);
    expect(sim.providers.sideEffects).toBe(0);

    react(sim, restart("cmd-1"), T0 + 60_000);
    sim.advance(T0 + 5 * 60_000);
    expect(sim.providers.sideEffects).toBe(1);
  });
});

describe("a command delivered again", () => {
  it("is acknowledged with the same answer and its events are not emitted twice", () => {
    const sim = engine();
    sim.replace(CASE, "loan-approval", failedOnBureauB(), T0);
    sim.advance(T0 + 60_000);

    const first = react(sim, restart("cmd-1"), T0 + 60_000);
    const firstEvents = sim.advance(T0 + 61_000);
    // The ack was lost: Flowdeck delivers the command again after 60 s.
    const second = react(sim, restart("cmd-1"), T0 + 121_000);
    const events = [...firstEvents, ...sim.advance(T0 + 24 * HOUR)];

    expect(second).toEqual(first);
    expect(steps(events, "credit-check")).toEqual([
      ["step.attempted", "bureau-b", 5, KEY],
      ["step.succeeded", "bureau-b", 5, KEY],
    ]);
    expect(events.filter((e) => e.type === "case.waiting" && e.state === "manual-review")).toHaveLength(1);
  });

  it("gets the same refusal again, even once the engine could act on it (another answer would conflict)", () => {
    const sim = engine(); // restarted: it does not know the case's provider
    const first = react(sim, restart("cmd-1"), T0);
    expect(first.status).toBe("rejected");
    sim.rememberStep(CASE, { state: "credit-check", provider: "bureau-b", key: KEY, attempt: 4 });
    expect(needsStepLookup(sim, restart("cmd-1"))).toBe(false);
    expect(react(sim, restart("cmd-1"), T0 + 60_000)).toEqual(first);
    expect(sim.advance(T0 + HOUR)).toEqual([]);
  });

  it("is a new command when its id is new, even for the same case", () => {
    const sim = engine();
    sim.replace(CASE, "loan-approval", failedOnBureauB(), T0);
    sim.advance(T0 + 60_000);
    react(sim, restart("cmd-1"), T0 + 60_000);
    sim.advance(T0 + 61_000);
    react(sim, restart("cmd-2"), T0 + 62_000);
    const attempts = steps(sim.advance(T0 + 63_000), "credit-check").filter(([type]) => type === "step.attempted");
    expect(attempts).toEqual([["step.attempted", "bureau-b", 6, KEY]]);
  });
});
