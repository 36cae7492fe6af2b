import { FINISHING_TYPES } from "@/lib/domain/events";
import type { TEvent } from "@/lib/validation/event";

/**
 * Holds back the backfill's events of cases still open, so each case's history reaches
 * Flowdeck whole. Sent a day at a time as they happen, a case that waited in "pick" at
 * the end of one day and moved on the next would look stuck (for days, by the wall
 * clock) in between, and open a stuck-cases incident that the rest of its history
 * then clears.
 */
export class CaseHistories {
  private readonly open = new Map<string, TEvent[]>();

  /**
   * Takes a slice of history; returns the events of every case that finished in it, case
   * by case (each case's events side by side, so one request carries a case whole: in
   * time order, a case from morning to night would span the whole day's requests).
   */
  add(events: TEvent[]): TEvent[] {
    const finished: TEvent[] = [];
    for (const e of events) {
      const history = this.open.get(e.caseId) ?? [];
      history.push(e);
      if (FINISHING_TYPES.has(e.type)) {
        finished.push(...history);
        this.open.delete(e.caseId);
      } else {
        this.open.set(e.caseId, history);
      }
    }
    return finished;
  }

  /** The cases still open at the end of the backfill, case by case (they go on live). */
  rest(): TEvent[] {
    const all = [...this.open.values()].flat();
    this.open.clear();
    return all;
  }
}
