import type { CaseStatus } from "@/lib/domain/case";
import { FINISHED_STATUSES } from "@/lib/domain/case";

export type Outcome =
  | { kind: "pending" }
  | { kind: "finished"; status: CaseStatus }
  | { kind: "moved"; state: string | null }
  | { kind: "unchanged"; stuck: boolean };

/**
 * What became of the case after a command was requested: it finished, it moved on to
 * another state, or it has not changed (and is it still stuck?).
 */
export function commandOutcome(
  command: { requestedAt: Date; status: string },
  c: { status: CaseStatus; state: string | null; stateEnteredAt: Date; finishedAt: Date | null; stuck: boolean },
): Outcome {
  if (c.finishedAt && c.finishedAt > command.requestedAt && FINISHED_STATUSES.includes(c.status)) {
    return { kind: "finished", status: c.status };
  }
  if (c.stateEnteredAt > command.requestedAt) return { kind: "moved", state: c.state };
  if (command.status === "requested" || command.status === "delivered") return { kind: "pending" };
  return { kind: "unchanged", stuck: c.stuck };
}
