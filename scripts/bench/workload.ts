import type { TEvent } from "@/lib/validation/event";
import { seededRandom as random } from "@/lib/domain/seeded-random";

const IN_FLIGHT = 2000;

type Step = Omit<TEvent, "id" | "caseId" | "process" | "at">;

/** One loan case's events: a credit check that sometimes retries, a human review, a payout. */
function loanSteps(rand: () => number, caseId: string): Step[] {
  const steps: Step[] = [
    { type: "case.started", processVersion: "1.4.0", state: "intake", data: { amount: Math.round(rand() * 50_000) } },
    { type: "case.state_entered", state: "credit-check" },
  ];
  const provider = rand() < 0.5 ? "bureau-a" : "bureau-b";
  const key = `${caseId}:credit-check`;
  steps.push({ type: "step.attempted", state: "credit-check", provider, attempt: 1, idempotencyKey: key });
  if (rand() < 0.2) {
    steps.push({ type: "step.failed", state: "credit-check", provider, attempt: 1, idempotencyKey: key, error: { code: "timeout", message: `${provider} timed out` } });
    steps.push({ type: "step.attempted", state: "credit-check", provider, attempt: 2, idempotencyKey: key });
  }
  steps.push({ type: "step.succeeded", state: "credit-check", provider, idempotencyKey: key });
  steps.push({ type: "case.waiting", state: "manual-review" });
  steps.push({ type: "case.state_entered", state: "disbursement" });
  steps.push({ type: "step.attempted", state: "disbursement", provider: "payments-x", attempt: 1, idempotencyKey: `${caseId}:disbursement` });
  steps.push({ type: "step.succeeded", state: "disbursement", provider: "payments-x", idempotencyKey: `${caseId}:disbursement` });
  steps.push({ type: "case.completed" });
  return steps;
}

/**
 * `n` events of interleaved loan cases, in time order, as an engine would report them.
 * 2,000 cases in flight: an engine reporting 10,000+ events/s runs thousands at once.
 */
export function generateEvents(n: number, seed: number, prefix = "bench"): TEvent[] {
  const rand = random(seed);
  const start = Date.now() - 24 * 3600 * 1000;
  const inFlight: { caseId: string; steps: Step[]; next: number }[] = [];
  const events: TEvent[] = [];
  let cases = 0;
  while (events.length < n) {
    while (inFlight.length < IN_FLIGHT) {
      const caseId = `${prefix}-${++cases}`;
      inFlight.push({ caseId, steps: loanSteps(rand, caseId), next: 0 });
    }
    const i = Math.floor(rand() * inFlight.length);
    const c = inFlight[i]!;
    const step = c.steps[c.next++]!;
    events.push({
      ...step,
      id: `${c.caseId}-${c.next}`,
      caseId: c.caseId,
      process: "bench-loans",
      at: new Date(start + events.length * 50).toISOString(),
    });
    if (c.next === c.steps.length) inFlight.splice(i, 1);
  }
  return events;
}
