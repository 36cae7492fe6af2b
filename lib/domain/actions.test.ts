import { describe, it, expect } from "vitest";
import { DEMO_PROCESSES } from "@/prisma/demo-catalog";
import { caseActions, refusal, type ActionCase, type CaseAction } from "@/lib/domain/actions";
import type { CaseStatus } from "@/lib/domain/case";
import type { StateGraph } from "@/lib/domain/state-graph";

/** intake → credit-check [bureau-a, bureau-b] → manual-review [human] → disbursement [payments-x] → done */
const loanProcess = DEMO_PROCESSES.find((p) => p.key === "loan-approval");
if (!loanProcess) throw new Error("the demo catalog has no loan-approval process");
const loan: StateGraph = loanProcess.graph;

const IN_FLIGHT = "a command for this case is still in flight";

const actionCase = (over: Partial<ActionCase> = {}): ActionCase => ({
  status: "running",
  state: "credit-check",
  provider: "bureau-a",
  stepKey: "idem-credit-1",
  pending: false,
  ...over,
});

const allowedActions = (c: ActionCase, graph: StateGraph | null = loan) =>
  caseActions(c, graph).allowed.map((o) => o.action);
const refusedActions = (c: ActionCase, graph: StateGraph | null = loan) =>
  caseActions(c, graph).refused.map((r) => r.action);
const reasonFor = (c: ActionCase, action: CaseAction, graph: StateGraph | null = loan) =>
  caseActions(c, graph).refused.find((r) => r.action === action)?.reason;
const optionFor = (c: ActionCase, action: CaseAction, graph: StateGraph | null = loan) =>
  caseActions(c, graph).allowed.find((o) => o.action === action);

describe("the loan-approval demo graph", () => {
  it("is the graph these tests assume", () => {
    expect(loan.initial).toBe("intake");
    expect(loan.states.find((s) => s.name === "credit-check")?.providers).toEqual(["bureau-a", "bureau-b"]);
    expect(loan.states.find((s) => s.name === "manual-review")?.kind).toBe("human");
    expect(loan.transitions).toContainEqual({ from: "credit-check", to: "manual-review" });
  });
});

describe("caseActions by case status (in credit-check on bureau-a, nothing pending)", () => {
  // Written out by hand from PRODUCT.md "Command" and the runbooks, not derived from the code:
  // a progressing case takes every action; a failed case can only be compensated (partial work);
  // a compensating case is left alone; a finished case takes nothing.
  const table: Record<CaseStatus, Record<CaseAction, boolean>> = {
    running: { restart_step: true, reroute: true, compensate: true, progress: true, cancel: true },
    waiting: { restart_step: true, reroute: true, compensate: true, progress: true, cancel: true },
    completed: { restart_step: false, reroute: false, compensate: false, progress: false, cancel: false },
    failed: { restart_step: false, reroute: false, compensate: true, progress: false, cancel: false },
    compensating: { restart_step: false, reroute: false, compensate: false, progress: false, cancel: false },
    compensated: { restart_step: false, reroute: false, compensate: false, progress: false, cancel: false },
    cancelled: { restart_step: false, reroute: false, compensate: false, progress: false, cancel: false },
  };

  const rows = Object.entries(table) as [CaseStatus, Record<CaseAction, boolean>][];
  const cells = rows.flatMap(([status, actions]) =>
    (Object.entries(actions) as [CaseAction, boolean][]).map(([action, ok]) => ({ status, action, ok })),
  );

  it("covers all seven statuses and all five actions", () => {
    expect(rows).toHaveLength(7);
    expect(cells).toHaveLength(35);
  });

  it.each(cells)("$status: $action allowed = $ok", ({ status, action, ok }) => {
    const c = actionCase({ status });
    expect(allowedActions(c).includes(action)).toBe(ok);
    expect(refusedActions(c).includes(action)).toBe(!ok);
  });

  it.each(rows)("%s: every action is either allowed or refused, exactly once", (status) => {
    const c = actionCase({ status });
    const all = [...allowedActions(c), ...refusedActions(c)].sort();
    expect(all).toEqual(["cancel", "compensate", "progress", "reroute", "restart_step"]);
  });

  it("names the status as the reason for a status refusal", () => {
    expect(reasonFor(actionCase({ status: "completed" }), "restart_step")).toBe("the case is completed");
    expect(reasonFor(actionCase({ status: "failed" }), "cancel")).toBe("the case is failed");
    expect(reasonFor(actionCase({ status: "compensating" }), "compensate")).toBe("the case is compensating");
    expect(reasonFor(actionCase({ status: "cancelled" }), "reroute")).toBe("the case is cancelled");
  });
});

describe("caseActions: reroute", () => {
  it("offers only the other provider when the step is on bureau-a", () => {
    expect(optionFor(actionCase({ provider: "bureau-a" }), "reroute")).toEqual({
      action: "reroute",
      providers: ["bureau-b"],
    });
  });

  it("offers only bureau-a when the step is on bureau-b", () => {
    expect(optionFor(actionCase({ provider: "bureau-b" }), "reroute")).toEqual({
      action: "reroute",
      providers: ["bureau-a"],
    });
  });

  it("offers both providers, in preference order, when no provider is known", () => {
    expect(optionFor(actionCase({ provider: null }), "reroute")).toEqual({
      action: "reroute",
      providers: ["bureau-a", "bureau-b"],
    });
  });

  it("is refused in manual-review, a human step without providers", () => {
    const c = actionCase({ state: "manual-review", provider: null });
    expect(optionFor(c, "reroute")).toBeUndefined();
    expect(reasonFor(c, "reroute")).toBe("the current step has no alternative provider");
  });

  it("is refused in disbursement when the case is already on its only provider", () => {
    const c = actionCase({ state: "disbursement", provider: "payments-x" });
    expect(optionFor(c, "reroute")).toBeUndefined();
    expect(reasonFor(c, "reroute")).toBe("the current step has no alternative provider");
  });

  it("is refused without a graph", () => {
    const c = actionCase();
    expect(optionFor(c, "reroute", null)).toBeUndefined();
    expect(reasonFor(c, "reroute", null)).toBe("the current step has no alternative provider");
  });
});

describe("caseActions: progress", () => {
  it("offers the graph's next state from credit-check", () => {
    expect(optionFor(actionCase(), "progress")).toEqual({ action: "progress", states: ["manual-review"] });
  });

  it("offers the next state from each non-terminal state", () => {
    expect(optionFor(actionCase({ state: "intake", provider: null }), "progress")).toEqual({
      action: "progress",
      states: ["credit-check"],
    });
    expect(optionFor(actionCase({ state: "manual-review", provider: null, status: "waiting" }), "progress")).toEqual({
      action: "progress",
      states: ["disbursement"],
    });
    expect(optionFor(actionCase({ state: "disbursement", provider: "payments-x" }), "progress")).toEqual({
      action: "progress",
      states: ["done"],
    });
  });

  it("offers every next state of a branching graph", () => {
    const branching: StateGraph = {
      ...loan,
      transitions: [...loan.transitions, { from: "credit-check", to: "done" }],
    };
    expect(optionFor(actionCase(), "progress", branching)).toEqual({
      action: "progress",
      states: ["manual-review", "done"],
    });
  });

  it("is refused in the terminal state, which has no next state", () => {
    const c = actionCase({ state: "done", provider: null });
    expect(optionFor(c, "progress")).toBeUndefined();
    expect(reasonFor(c, "progress")).toBe("the process graph has no next state from here");
  });

  it("is refused without a graph", () => {
    expect(reasonFor(actionCase(), "progress", null)).toBe("the process graph has no next state from here");
  });
});

describe("caseActions: restart_step", () => {
  it("carries the step's idempotency key", () => {
    expect(optionFor(actionCase({ stepKey: "idem-credit-1" }), "restart_step")).toEqual({
      action: "restart_step",
      idempotencyKey: "idem-credit-1",
    });
  });

  it("carries a null key when the last step was in another state (stepKey null)", () => {
    expect(optionFor(actionCase({ stepKey: null }), "restart_step")).toEqual({
      action: "restart_step",
      idempotencyKey: null,
    });
  });

  it("is offered without a graph: restarting the current step needs none", () => {
    expect(allowedActions(actionCase(), null)).toContain("restart_step");
  });

  it("is refused for a case in no state", () => {
    const c = actionCase({ state: null, provider: null, stepKey: null });
    expect(optionFor(c, "restart_step")).toBeUndefined();
    expect(reasonFor(c, "restart_step")).toBe("the case is in no state");
  });

  it("refuses a case in no state the other state-bound actions too, but still lets it be compensated or cancelled", () => {
    const c = actionCase({ state: null, provider: null, stepKey: null });
    expect(allowedActions(c)).toEqual(["compensate", "cancel"]);
  });
});

describe("caseActions with a command in flight", () => {
  it.each(["running", "waiting", "failed", "compensating"] as CaseStatus[])(
    "refuses every action of a %s case with the in-flight reason",
    (status) => {
      const { allowed, refused } = caseActions(actionCase({ status, pending: true }), loan);
      expect(allowed).toEqual([]);
      expect(refused).toHaveLength(5);
      expect(refused.map((r) => r.action).sort()).toEqual(["cancel", "compensate", "progress", "reroute", "restart_step"]);
      for (const r of refused) expect(r.reason).toBe(IN_FLIGHT);
    },
  );
});

describe("refusal", () => {
  it("is null for an allowed action without parameters", () => {
    const c = actionCase();
    expect(refusal(c, loan, "restart_step", {})).toBeNull();
    expect(refusal(c, loan, "compensate", {})).toBeNull();
    expect(refusal(c, loan, "cancel", {})).toBeNull();
  });

  it("is null for a reroute to an offered provider", () => {
    expect(refusal(actionCase(), loan, "reroute", { toProvider: "bureau-b" })).toBeNull();
  });

  it("is null for a progress to an offered state", () => {
    expect(refusal(actionCase(), loan, "progress", { toState: "manual-review" })).toBeNull();
  });

  it("is a conflict, with the status reason, for an action the status does not allow", () => {
    expect(refusal(actionCase({ status: "completed" }), loan, "cancel", {})).toEqual({
      kind: "conflict",
      reason: "the case is completed",
    });
    expect(refusal(actionCase({ status: "failed" }), loan, "reroute", { toProvider: "bureau-b" })).toEqual({
      kind: "conflict",
      reason: "the case is failed",
    });
    expect(refusal(actionCase({ status: "compensating" }), loan, "compensate", {})).toEqual({
      kind: "conflict",
      reason: "the case is compensating",
    });
  });

  it("is a conflict while a command is in flight, even for valid parameters", () => {
    expect(refusal(actionCase({ pending: true }), loan, "reroute", { toProvider: "bureau-b" })).toEqual({
      kind: "conflict",
      reason: IN_FLIGHT,
    });
  });

  it("is a conflict for a reroute where no provider is offered", () => {
    expect(refusal(actionCase({ state: "manual-review", provider: null }), loan, "reroute", { toProvider: "bureau-b" })).toEqual({
      kind: "conflict",
      reason: "the current step has no alternative provider",
    });
  });

  it("is invalid on toProvider for the provider the case is already on", () => {
    expect(refusal(actionCase(), loan, "reroute", { toProvider: "bureau-a" })).toEqual({
      kind: "invalid",
      field: "toProvider",
      reason: "must be one of bureau-b",
    });
  });

  it("is invalid on toProvider for an unknown or missing provider", () => {
    expect(refusal(actionCase(), loan, "reroute", { toProvider: "payments-x" })).toMatchObject({
      kind: "invalid",
      field: "toProvider",
    });
    expect(refusal(actionCase(), loan, "reroute", {})).toMatchObject({ kind: "invalid", field: "toProvider" });
  });

  it("is invalid on toState for a state that is not next", () => {
    expect(refusal(actionCase(), loan, "progress", { toState: "disbursement" })).toEqual({
      kind: "invalid",
      field: "toState",
      reason: "must be one of manual-review",
    });
    expect(refusal(actionCase(), loan, "progress", { toState: "intake" })).toMatchObject({
      kind: "invalid",
      field: "toState",
    });
    expect(refusal(actionCase(), loan, "progress", {})).toMatchObject({ kind: "invalid", field: "toState" });
  });
});
