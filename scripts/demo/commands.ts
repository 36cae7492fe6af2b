/**
 * How the demo's engine answers operators' commands: it acknowledges each one and
 * emits the events that follow, so the case visibly moves in Flowdeck within seconds.
 */
import { around, leaveAndRun, modelOf, moveAndRun, SEC, type CaseScript, type StageCtx } from "./model";
import type { Simulator } from "./simulator";

export type EngineCommand = {
  id: string;
  type: "restart_step" | "reroute" | "compensate" | "pause_starts" | "resume_starts" | "progress" | "cancel";
  caseId?: string;
  process: string;
  state?: string;
  idempotencyKey?: string;
  params: { toProvider?: string; toState?: string };
};

export type Ack = { status: "succeeded" | "failed" | "rejected"; message?: string };

/** A step tried again (same idempotency key, or another provider), then the case moves on. */
function* retryThenLeave(ctx: StageCtx, c: EngineCommand, provider: string | undefined, attempt: number, key: string): CaseScript {
  const model = modelOf(c.process)!;
  const state = c.state!;
  if (provider) {
    yield { afterMs: 500, emit: { type: "step.attempted", state, provider, attempt, idempotencyKey: key } };
    // The fake provider deduplicates by key: a repeated request returns the first answer.
    yield { afterMs: around(ctx.rand, 2 * SEC), emit: { type: "step.succeeded", state, provider, attempt, idempotencyKey: key } };
  } else {
    yield { afterMs: 500, emit: { type: "case.waiting", state } }; // handed back to people, who act now
  }
  yield* leaveAndRun(model, state, ctx);
}

function* compensate(state: string | undefined): CaseScript {
  yield { afterMs: 500, emit: { type: "compensation.started", ...(state ? { state } : {}) } };
  yield { afterMs: 3 * SEC, emit: { type: "compensation.completed" } };
}

function* cancel(): CaseScript {
  yield { afterMs: 500, emit: { type: "case.cancelled" } };
}

export function react(sim: Simulator, c: EngineCommand, now: number): Ack {
  const model = modelOf(c.process);
  if (!model) return { status: "rejected", message: `this engine does not run ${c.process}` };
  if (c.type === "pause_starts" || c.type === "resume_starts") {
    const key = `${c.process}:${c.state}`;
    if (c.type === "pause_starts") sim.paused.add(key);
    else sim.paused.delete(key);
    return { status: "succeeded", message: c.type === "pause_starts" ? `holding new cases before ${c.state}` : `starting ${c.state} again` };
  }
  if (!c.caseId || !c.state) return { status: "rejected", message: "the command names no case or state" };
  const spec = model.states[c.state];
  if (!spec) return { status: "rejected", message: `${c.state} is not a state of ${c.process}` };
  const ctx = sim.ctx(c.caseId);
  let script: CaseScript;
  switch (c.type) {
    case "restart_step":
      script = retryThenLeave(ctx, c, spec.providers[0], sim.nextAttempt(c.caseId), c.idempotencyKey ?? `${c.caseId}:${c.state}:restart`);
      break;
    case "reroute":
      if (!c.params.toProvider || !spec.providers.includes(c.params.toProvider)) return { status: "rejected", message: `no provider ${c.params.toProvider} for ${c.state}` };
      script = retryThenLeave(ctx, c, c.params.toProvider, 1, c.idempotencyKey ?? `${c.caseId}:${c.state}`);
      break;
    case "progress":
      if (!c.params.toState || !model.states[c.params.toState]) return { status: "rejected", message: `no state ${c.params.toState}` };
      script = moveAndRun(model, c.params.toState, ctx);
      break;
    case "compensate":
      script = compensate(c.state);
      break;
    case "cancel":
      script = cancel();
      break;
  }
  sim.replace(c.caseId, c.process, script, now);
  return { status: "succeeded" };
}
