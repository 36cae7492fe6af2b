/**
 * Where a command stands on its way to the engine, for the outbox an on-call engineer
 * watches: answered, dead-lettered (webhook delivery gave up after 24 h), overdue (no
 * answer ATTENTION_AFTER_SEC after the request: no engine is pulling, or it does not
 * answer), or still in flight (waiting to be fetched, or delivered and being worked on).
 * The answered view lists the last 24 hours' answers (a case page keeps its history).
 */
export const ATTENTION_AFTER_SEC = 120;

export const OUTBOX_VIEWS = ["attention", "in_flight", "dead", "answered"] as const;
export type OutboxView = (typeof OUTBOX_VIEWS)[number];

export type DeliveryState = "answered" | "dead" | "overdue" | "waiting" | "delivered";

type CommandFacts = {
  status: "requested" | "delivered" | "succeeded" | "failed" | "rejected";
  requestedAt: Date;
  deadAt: Date | null;
};

export function isAnswered(status: CommandFacts["status"]): boolean {
  return status === "succeeded" || status === "failed" || status === "rejected";
}

export function deliveryState(c: CommandFacts, now: Date): DeliveryState {
  if (isAnswered(c.status)) return "answered";
  if (c.deadAt) return "dead";
  if (now.getTime() - c.requestedAt.getTime() > ATTENTION_AFTER_SEC * 1000) return "overdue";
  return c.status === "requested" ? "waiting" : "delivered";
}

/** Which views list a command in this state (the database query of each view says the same). */
export function viewsOf(state: DeliveryState): OutboxView[] {
  switch (state) {
    case "answered":
      return ["answered"];
    case "dead":
      return ["attention", "dead"];
    case "overdue":
      return ["attention", "in_flight"];
    case "waiting":
    case "delivered":
      return ["in_flight"];
  }
}

/** The oldest request time an unanswered command may have before it needs attention. */
export function attentionCutoff(now: Date): Date {
  return new Date(now.getTime() - ATTENTION_AFTER_SEC * 1000);
}
