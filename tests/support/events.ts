import type { TEvent } from "@/lib/validation/event";

let n = 0;

/** An event with sensible defaults; `at` is minutes after a fixed base instant. */
export function ev(overrides: Partial<TEvent> & { minute?: number } = {}): TEvent {
  const { minute = 0, ...rest } = overrides;
  const type = rest.type ?? "case.started";
  return {
    id: `e-${++n}`,
    type,
    caseId: "case-1",
    process: "loan-approval",
    at: new Date(Date.UTC(2026, 10, 26, 8, 0, 0) + minute * 60_000).toISOString(),
    ...(type === "case.started" ? { processVersion: "1.4.0" } : {}),
    ...rest,
  };
}

/** A complete happy loan case: started, credit check with one retry, review, completed. */
export function loanCase(caseId: string, startMinute = 0): TEvent[] {
  const at = (m: number) => ({ caseId, minute: startMinute + m });
  return [
    ev({ ...at(0), type: "case.started", state: "intake" }),
    ev({ ...at(1), type: "case.state_entered", state: "credit-check" }),
    ev({ ...at(2), type: "step.attempted", state: "credit-check", provider: "bureau-a", attempt: 1, idempotencyKey: `${caseId}-cc-1` }),
    ev({ ...at(3), type: "step.failed", state: "credit-check", provider: "bureau-a", attempt: 1, error: { code: "timeout", message: "bureau-a timed out" } }),
    ev({ ...at(4), type: "step.attempted", state: "credit-check", provider: "bureau-a", attempt: 2, idempotencyKey: `${caseId}-cc-1` }),
    ev({ ...at(5), type: "step.succeeded", state: "credit-check", provider: "bureau-a", attempt: 2 }),
    ev({ ...at(6), type: "case.waiting", state: "manual-review" }),
    ev({ ...at(30), type: "case.state_entered", state: "disbursement" }),
    ev({ ...at(31), type: "case.completed" }),
  ];
}
