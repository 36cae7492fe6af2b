/**
 * Escalation policies (PRODUCT.md "Ownership and on-call"): severity maps to a list of
 * steps (notify someone, wait N minutes while unacknowledged, notify the next), run
 * 1 + repeat times; acknowledging stops it. Pure: the worker stores the state
 * ({ level, nextAt }) and asks these functions what is due.
 */

export const SEVERITIES = ["SEV1", "SEV2", "SEV3"] as const;
export type Severity = (typeof SEVERITIES)[number];

export type EscalationTarget =
  | { kind: "primary" } // primary on call of the team's schedule
  | { kind: "secondary" } // secondary on call
  | { kind: "user"; userId: string }
  | { kind: "manager" }; // the team's manager(s)

/** Notify `target`, then wait `waitMinutes` for an acknowledgement before the next step. */
export type EscalationStep = { target: EscalationTarget; waitMinutes: number };

/** The whole step list runs 1 + repeat times. */
export type EscalationPolicy = { steps: readonly EscalationStep[]; repeat: number };

/** Stored per incident: `level` = steps already fired, `nextAt` = when the next fires (null = done). */
export type EscalationState = { level: number; nextAt: Date | null };

export const MAX_STEPS = 10;
export const MAX_WAIT_MINUTES = 1440;
export const MAX_REPEAT = 5;

const step = (kind: "primary" | "secondary" | "manager", waitMinutes: number): EscalationStep => ({ target: { kind }, waitMinutes });

/** Used when a team has no policy for a severity. */
export const DEFAULT_POLICIES: Readonly<Record<Severity, EscalationPolicy>> = {
  SEV1: { steps: [step("primary", 5), step("secondary", 5), step("manager", 10)], repeat: 2 },
  SEV2: { steps: [step("primary", 15), step("secondary", 15), step("manager", 30)], repeat: 1 },
  SEV3: { steps: [step("primary", 60), step("secondary", 120)], repeat: 0 },
};

const addMinutes = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000);

/** Total number of notification steps over all passes. */
export function stepCount(policy: EscalationPolicy): number {
  return policy.steps.length * (1 + policy.repeat);
}

/** The step fired at `level` (0-based over the repeated list); `pass` and `index` are 0-based too. */
export function stepAt(policy: EscalationPolicy, level: number): { step: EscalationStep; pass: number; index: number } | null {
  if (!Number.isInteger(level) || level < 0 || level >= stepCount(policy)) return null;
  const index = level % policy.steps.length;
  const found = policy.steps[index];
  return found ? { step: found, pass: Math.floor(level / policy.steps.length), index } : null;
}

/** The state after firing `level` at `firedAt`: the next is due after this step's wait; null after the last. */
export function afterFiring(policy: EscalationPolicy, level: number, firedAt: Date): EscalationState {
  const fired = stepAt(policy, level);
  const last = level >= stepCount(policy) - 1;
  return { level: level + 1, nextAt: fired && !last ? addMinutes(firedAt, fired.step.waitMinutes) : null };
}

/** When each step fires if nobody acknowledges: step 0 at the trigger. */
export function escalationTimeline(
  policy: EscalationPolicy,
  triggeredAt: Date,
): { level: number; at: Date; target: EscalationTarget; pass: number }[] {
  const timeline: { level: number; at: Date; target: EscalationTarget; pass: number }[] = [];
  let at: Date | null = triggeredAt;
  for (let level = 0; at !== null; level++) {
    const s = stepAt(policy, level);
    if (!s) break;
    timeline.push({ level, at, target: s.step.target, pass: s.pass });
    at = afterFiring(policy, level, at).nextAt;
  }
  return timeline;
}

/** The state of a freshly triggered incident: step 0 is due at once. */
export function initialEscalation(triggeredAt: Date): EscalationState {
  return { level: 0, nextAt: triggeredAt };
}

/**
 * The levels due at `now` and the state after firing them. Overdue steps (a worker
 * that was down) all fire, in order, each timed from the previous one's due time, so
 * the schedule does not drift by the downtime. Once acknowledged nothing more is due.
 */
export function dueEscalations(
  policy: EscalationPolicy,
  state: EscalationState,
  acknowledgedAt: Date | null,
  now: Date,
): { fire: number[]; state: EscalationState } {
  if (acknowledgedAt !== null && acknowledgedAt.getTime() <= now.getTime()) {
    return { fire: [], state: { level: state.level, nextAt: null } };
  }
  const fire: number[] = [];
  let current: EscalationState = state.level >= stepCount(policy) ? { level: state.level, nextAt: null } : state;
  while (current.nextAt !== null && current.nextAt.getTime() <= now.getTime()) {
    fire.push(current.level);
    current = afterFiring(policy, current.level, current.nextAt);
  }
  return { fire, state: current };
}

export type PolicyProblem = { path: (string | number)[]; message: string };

/** Problems of a policy as edited in a form, each with the path of its field; empty = valid. */
export function policyProblems(policy: EscalationPolicy): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  if (policy.steps.length === 0) problems.push({ path: ["steps"], message: "Add at least one step." });
  if (policy.steps.length > MAX_STEPS) problems.push({ path: ["steps"], message: `A policy has at most ${MAX_STEPS} steps.` });
  policy.steps.forEach((s, i) => {
    if (!Number.isInteger(s.waitMinutes) || s.waitMinutes < 1 || s.waitMinutes > MAX_WAIT_MINUTES) {
      problems.push({
        path: ["steps", i, "waitMinutes"],
        message: `Wait a whole number of minutes from 1 to ${MAX_WAIT_MINUTES} (24 h).`,
      });
    }
    if (s.target.kind === "user" && s.target.userId.trim() === "") {
      problems.push({ path: ["steps", i, "target", "userId"], message: "Choose the user to notify." });
    }
  });
  if (!Number.isInteger(policy.repeat) || policy.repeat < 0 || policy.repeat > MAX_REPEAT) {
    problems.push({ path: ["repeat"], message: `Repeat a whole number of times from 0 to ${MAX_REPEAT}.` });
  }
  return problems;
}

/** Who a step notifies, for timelines and notifications. */
export function describeTarget(t: EscalationTarget, userName?: (id: string) => string): string {
  switch (t.kind) {
    case "primary":
      return "the primary on call";
    case "secondary":
      return "the secondary on call";
    case "manager":
      return "the team's manager";
    case "user":
      return userName ? userName(t.userId) : `user ${t.userId}`;
  }
}
