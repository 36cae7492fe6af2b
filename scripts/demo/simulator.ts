import type { TEvent } from "@/lib/validation/event";
import type { Ack } from "./commands";
import { FakeProviders } from "./fake-provider";
import { Lru } from "./lru";
import { dayCurve, newCase, type CaseScript, type Emit, type ProcessModel, type Rand, type StageCtx } from "./model";

/** A case's latest step attempt: where a restart repeats it (same provider, same key). */
export type StepAttempt = { state: string; provider: string; key: string; attempt: number };

type Pending = { due: number; emit: Emit; caseId: string; process: string; script: CaseScript; cancelled: boolean };

/** A binary min-heap on `due`: the next event of every case in flight. */
class Agenda {
  private items: Pending[] = [];
  get size() {
    return this.items.length;
  }
  peek(): Pending | undefined {
    return this.items[0];
  }
  push(item: Pending) {
    const a = this.items;
    a.push(item);
    for (let i = a.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (a[parent]!.due <= a[i]!.due) break;
      [a[parent], a[i]] = [a[i]!, a[parent]!];
      i = parent;
    }
  }
  pop(): Pending | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l]!.due < a[m]!.due) m = l;
        if (r < a.length && a[r]!.due < a[m]!.due) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top;
  }
}

const HOLD_MS = 10_000;
/** Bounds on what the engine remembers: days of cases' steps, far more commands than a 60 s redelivery needs. */
const STEPS_REMEMBERED = 20_000;
const ANSWERS_REMEMBERED = 10_000;

/**
 * Runs the demo's engine in simulated time: new cases arrive per process as a Poisson
 * process shaped by the day's curve, and each case's script decides its next event.
 * `advance(t)` returns every event due up to `t`, in time order. Operators' commands
 * replace a case's script (`replace`), and paused states hold cases before them.
 */
export class Simulator {
  private agenda = new Agenda();
  private nextArrival = new Map<string, number>();
  private current = new Map<string, Pending>();
  private eventNo = new Map<string, number>();
  private steps = new Lru<string, StepAttempt>(STEPS_REMEMBERED);
  /** The providers the cases call; they remember what they did by idempotency key. */
  readonly providers = new FakeProviders();
  /** Command id → the answer given, so a redelivered command is answered again, not acted on again. */
  readonly answered = new Lru<string, Ack>(ANSWERS_REMEMBERED);
  /** "<process>:<state>": new starts of that state are held until resumed. */
  readonly paused = new Set<string>();
  /** Live: an operator can help, so parked cases wait for a command instead of recovering. */
  live = false;

  constructor(
    private readonly rand: Rand,
    private readonly models: ProcessModel[],
    clock: number,
    private caseNo: number,
    private readonly runId: string,
  ) {
    for (const m of models) this.nextArrival.set(m.key, clock + this.gap(m, clock));
  }

  get nextCaseNo(): number {
    return this.caseNo;
  }

  get inFlight(): number {
    return this.current.size;
  }

  ctx(caseId: string): StageCtx {
    return { rand: this.rand, caseId, live: this.live, providers: this.providers };
  }

  /** The attempt number the next attempt of this case's step should carry. */
  nextAttempt(caseId: string): number {
    return (this.steps.get(caseId)?.attempt ?? 1) + 1;
  }

  /** The case's latest step attempt, if this engine still knows it. */
  lastStep(caseId: string): StepAttempt | undefined {
    return this.steps.get(caseId);
  }

  /** Learns a case's latest step from elsewhere (Flowdeck's record of it, after this engine restarted). */
  rememberStep(caseId: string, step: StepAttempt) {
    this.steps.set(caseId, step);
  }

  private gap(model: ProcessModel, at: number): number {
    const perMs = (model.perHour * dayCurve(at)) / 3_600_000;
    return Math.max(1, Math.round(-Math.log(Math.max(1e-9, this.rand())) / perMs));
  }

  private schedule(caseId: string, process: string, script: CaseScript, now: number) {
    const old = this.current.get(caseId);
    if (old) old.cancelled = true;
    const first = script.next(now);
    if (first.done) {
      this.current.delete(caseId);
      return;
    }
    const pending: Pending = { due: now + first.value.afterMs, emit: first.value.emit, caseId, process, script, cancelled: false };
    this.current.set(caseId, pending);
    this.agenda.push(pending);
  }

  /** Gives a case (known or not: the engine may have restarted) a new script from `now`. */
  replace(caseId: string, process: string, script: CaseScript, now: number) {
    this.schedule(caseId, process, script, now);
  }

  advance(to: number): TEvent[] {
    const out: TEvent[] = [];
    for (;;) {
      let arrival: ProcessModel | undefined;
      for (const m of this.models) if (!arrival || this.nextArrival.get(m.key)! < this.nextArrival.get(arrival.key)!) arrival = m;
      const arrivalAt = arrival ? this.nextArrival.get(arrival.key)! : Infinity;
      const next = this.agenda.peek();
      if (Math.min(arrivalAt, next?.due ?? Infinity) > to) break;
      if (arrival && arrivalAt <= (next?.due ?? Infinity)) {
        const caseId = `${arrival.prefix}-${String(++this.caseNo).padStart(6, "0")}`;
        this.schedule(caseId, arrival.key, newCase(arrival, this.ctx(caseId)), arrivalAt);
        this.nextArrival.set(arrival.key, arrivalAt + this.gap(arrival, arrivalAt));
        continue;
      }
      const p = this.agenda.pop()!;
      if (p.cancelled) continue;
      const entering = (p.emit.type === "case.state_entered" || p.emit.type === "case.waiting") && p.emit.state;
      if (entering && this.paused.has(`${p.process}:${p.emit.state}`)) {
        const held: Pending = { ...p, due: p.due + HOLD_MS }; // held before a paused state
        this.current.set(p.caseId, held);
        this.agenda.push(held);
        continue;
      }
      const n = (this.eventNo.get(p.caseId) ?? 0) + 1;
      this.eventNo.set(p.caseId, n);
      const { type, state, provider, idempotencyKey: key, attempt } = p.emit;
      if (type === "step.attempted" && state && provider && key) this.steps.set(p.caseId, { state, provider, key, attempt: attempt ?? 1 });
      // The run id keeps event ids unique when a restarted workload acts on an older case.
      out.push({ ...p.emit, id: `${p.caseId}-${this.runId}-${n}`, caseId: p.caseId, process: p.process, at: new Date(p.due).toISOString() });
      const step = p.script.next(p.due);
      if (step.done) {
        this.current.delete(p.caseId);
        continue;
      }
      const following: Pending = { ...p, due: p.due + step.value.afterMs, emit: step.value.emit };
      this.current.set(p.caseId, following);
      this.agenda.push(following);
    }
    return out;
  }
}
