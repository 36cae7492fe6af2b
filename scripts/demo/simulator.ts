import type { TEvent } from "@/lib/validation/event";
import { dayCurve, type CaseScript, type Emit, type ProcessModel, type Rand } from "./model";

type Pending = { due: number; emit: Emit; caseId: string; process: string; script: CaseScript; n: number };

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

/**
 * Runs the demo's engine in simulated time: new cases arrive per process as a Poisson
 * process shaped by the day's curve, and each case's script decides its next event.
 * `advance(t)` returns every event due up to `t`, in time order.
 */
export class Simulator {
  private agenda = new Agenda();
  private nextArrival = new Map<string, number>();

  constructor(
    private readonly rand: Rand,
    private readonly models: ProcessModel[],
    private clock: number,
    private caseNo: number,
  ) {
    for (const m of models) this.nextArrival.set(m.key, clock + this.gap(m, clock));
  }

  get nextCaseNo(): number {
    return this.caseNo;
  }

  get inFlight(): number {
    return this.agenda.size;
  }

  private gap(model: ProcessModel, at: number): number {
    const perMs = (model.perHour * dayCurve(at)) / 3_600_000;
    return Math.max(1, Math.round(-Math.log(Math.max(1e-9, this.rand())) / perMs));
  }

  private start(model: ProcessModel, at: number) {
    const caseId = `${model.prefix}-${String(++this.caseNo).padStart(6, "0")}`;
    const script = model.script(this.rand, caseId);
    const first = script.next(at);
    if (!first.done) this.agenda.push({ due: at + first.value.afterMs, emit: first.value.emit, caseId, process: model.key, script, n: 0 });
  }

  advance(to: number): TEvent[] {
    const out: TEvent[] = [];
    for (;;) {
      // The earliest of: the next arrival of any process, the next event of any case.
      let arrival: ProcessModel | undefined;
      for (const m of this.models) if (!arrival || this.nextArrival.get(m.key)! < this.nextArrival.get(arrival.key)!) arrival = m;
      const arrivalAt = arrival ? this.nextArrival.get(arrival.key)! : Infinity;
      const next = this.agenda.peek();
      if (Math.min(arrivalAt, next?.due ?? Infinity) > to) break;
      if (arrival && arrivalAt <= (next?.due ?? Infinity)) {
        this.start(arrival, arrivalAt);
        this.nextArrival.set(arrival.key, arrivalAt + this.gap(arrival, arrivalAt));
        continue;
      }
      const p = this.agenda.pop()!;
      p.n++;
      out.push({ ...p.emit, id: `${p.caseId}-${p.n}`, caseId: p.caseId, process: p.process, at: new Date(p.due).toISOString() });
      const step = p.script.next(p.due);
      if (!step.done) this.agenda.push({ ...p, due: p.due + step.value.afterMs, emit: step.value.emit });
    }
    this.clock = to;
    return out;
  }
}
