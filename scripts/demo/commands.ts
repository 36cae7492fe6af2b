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

/**
 * A step tried again on `provider` with `key`, then the case moves on. The provider does
 * the work only when it has no success recorded for the key; an operator restarts once
 * the cause is fixed, so an attempt that does the work succeeds.
 */
function* retryThenLeave(ctx: StageCtx, c: EngineCommand, provider: string | undefined, attempt: number, key: string): CaseScript {
  const model = modelOf(c.process)!;
  const state = c.state!;
  if (provider) {
    const at = yield { afterMs: 500, emit: { type: "step.attempted", state, provider, attempt, idempotencyKey: key } };
    const { replayed } = ctx.providers.call(provider, key, at, () => ({ status: "succeeded" }));
    const afterMs = replayed ? around(ctx.rand, SEC / 2) : around(ctx.rand, 2 * SEC);
    yield { afterMs, emit: { type: "step.succeeded", state, provider, attempt, idempotencyKey: key } };
  } else {
    yield { afterMs: 500, emit: { type: "case.waiting", state } }; // handed back to people, who act now
  }
  yield* leaveAndRun(model, state, ctx);
}

/**
 * Where a restart repeats the step: on the provider of the case's last attempt at it
 * (an idempotency key means something only to the provider that saw it), with that key.
 */
function restartTarget(sim: Simulator, c: EngineCommand & { caseId: string; state: string }, providers: string[]): { provider?: string; key: string } | Ack {
  const last = sim.lastStep(c.caseId);
  const known = last?.state === c.state ? last : undefined;
  const key = c.idempotencyKey ?? known?.key ?? `${c.caseId}:${c.state}`;
  if (providers.length === 0) return { key }; // a human step
  if (known) return { provider: known.provider, key };
  if (providers.length === 1) return { provider: providers[0], key };
  return { status: "rejected", message: `this engine does not know which provider ${c.caseId} last used for ${c.state}; reroute it instead` };
}

/**
 * Whether answering `c` needs the case's last step from Flowdeck first: a restart of a
 * step with several providers that this engine does not remember (it restarted since).
 */
export function needsStepLookup(sim: Simulator, c: EngineCommand): c is EngineCommand & { caseId: string; state: string } {
  if (c.type !== "restart_step" || !c.caseId || !c.state || sim.answered.has(c.id)) return false;
  const providers = modelOf(c.process)?.states[c.state]?.providers ?? [];
  return providers.length > 1 && sim.lastStep(c.caseId)?.state !== c.state;
}

function* compensate(state: string | undefined): CaseScript {
  yield { afterMs: 500, emit: { type: "compensation.started", ...(state ? { state } : {}) } };
  yield { afterMs: 3 * SEC, emit: { type: "compensation.completed" } };
}

function* cancel(): CaseScript {
  yield { afterMs: 500, emit: { type: "case.cancelled" } };
}

/**
 * Acts on an operator's command and says how it went. Flowdeck delivers a command again
 * when its acknowledgement is late or lost: a command already answered gets the same
 * answer, and its events are not emitted a second time.
 */
export function react(sim: Simulator, c: EngineCommand, now: number): Ack {
  const earlier = sim.answered.get(c.id);
  if (earlier) return earlier;
  const ack = act(sim, c, now);
  sim.answered.set(c.id, ack);
  return ack;
}

function act(sim: Simulator, c: EngineCommand, now: number): Ack {
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
    case "restart_step": {
      const target = restartTarget(sim, { ...c, caseId: c.caseId, state: c.state }, spec.providers);
      if ("status" in target) return target;
      script = retryThenLeave(ctx, c, target.provider, sim.nextAttempt(c.caseId), target.key);
      break;
    }
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
