import { isOpen, type CaseStatus } from "@/lib/domain/case";
import { alternativeProviders, nextStates, type StateGraph } from "@/lib/domain/state-graph";

/** The operator actions that act on one case (PRODUCT.md "Command"). */
export const CASE_ACTIONS = ["restart_step", "reroute", "compensate", "progress", "cancel"] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** The actions on a process's state: a circuit breaker for new starts of that step. */
export const STATE_ACTIONS = ["pause_starts", "resume_starts"] as const;
export type StateAction = (typeof STATE_ACTIONS)[number];

export type ActionCase = {
  status: CaseStatus;
  state: string | null;
  provider: string | null;
  /** The idempotency key of the last step attempt, if it was made in the current state. */
  stepKey: string | null;
  /** A command for this case is requested or delivered and not acknowledged yet. */
  pending: boolean;
};

export type ActionOption =
  | { action: "restart_step"; idempotencyKey: string | null }
  | { action: "reroute"; providers: string[] }
  | { action: "compensate" }
  | { action: "progress"; states: string[] }
  | { action: "cancel" };

export type Refusal = { action: CaseAction; reason: string };

/**
 * What an operator may do with a case now, and why the rest is not offered. A case
 * with a command in flight takes no other until that one is acknowledged: two
 * commands racing on one case (a restart while it compensates) are refused.
 */
export function caseActions(c: ActionCase, graph: StateGraph | null): { allowed: ActionOption[]; refused: Refusal[] } {
  const allowed: ActionOption[] = [];
  const refused: Refusal[] = [];
  const refuse = (action: CaseAction, reason: string) => refused.push({ action, reason });
  if (c.pending) {
    for (const action of CASE_ACTIONS) refuse(action, "a command for this case is still in flight");
    return { allowed, refused };
  }
  const progressing = c.status === "running" || c.status === "waiting";
  const verb = `the case is ${c.status}`;

  if (progressing && c.state) allowed.push({ action: "restart_step", idempotencyKey: c.stepKey });
  else refuse("restart_step", progressing ? "the case is in no state" : verb);

  const providers = progressing && c.state && graph ? alternativeProviders(graph, c.state, c.provider) : [];
  if (providers.length > 0) allowed.push({ action: "reroute", providers });
  else refuse("reroute", !progressing ? verb : "the current step has no alternative provider");

  if (progressing || c.status === "failed") allowed.push({ action: "compensate" });
  else refuse("compensate", verb);

  const next = progressing && c.state && graph ? nextStates(graph, c.state) : [];
  if (next.length > 0) allowed.push({ action: "progress", states: next });
  else refuse("progress", !progressing ? verb : "the process graph has no next state from here");

  if (isOpen(c.status) && c.status !== "compensating") allowed.push({ action: "cancel" });
  else refuse("cancel", verb);

  return { allowed, refused };
}

export type ActionRefusal =
  | { kind: "conflict"; reason: string }
  | { kind: "invalid"; field: "toProvider" | "toState"; reason: string };

/**
 * Why `action` with `params` is not possible for the case now, or null when it is:
 * a conflict with the case's status (or a command in flight), or a parameter that
 * is not one of the offered choices.
 */
export function refusal(
  c: ActionCase,
  graph: StateGraph | null,
  action: CaseAction,
  params: { toProvider?: string; toState?: string },
): ActionRefusal | null {
  const { allowed, refused } = caseActions(c, graph);
  const option = allowed.find((o) => o.action === action);
  if (!option) return { kind: "conflict", reason: refused.find((r) => r.action === action)?.reason ?? "not possible" };
  if (option.action === "reroute" && !option.providers.includes(params.toProvider ?? "")) {
    return { kind: "invalid", field: "toProvider", reason: `must be one of ${option.providers.join(", ")}` };
  }
  if (option.action === "progress" && !option.states.includes(params.toState ?? "")) {
    return { kind: "invalid", field: "toState", reason: `must be one of ${option.states.join(", ")}` };
  }
  return null;
}
