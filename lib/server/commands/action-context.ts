import "server-only";
import type { ActionCase } from "@/lib/domain/actions";
import type { CaseStatus } from "@/lib/domain/case";
import type { StateGraph } from "@/lib/domain/state-graph";
import type { Tx } from "@/lib/server/context";

export const PENDING_STATUSES = ["requested", "delivered"] as const;

/** The graph a case runs on: its own version's, else the process's newest. */
export async function graphOf(tx: Tx, processId: string, version: string | null): Promise<StateGraph | null> {
  const versions = await tx.processVersion.findMany({
    where: { processId },
    orderBy: { createdAt: "desc" },
    select: { version: true, graph: true },
  });
  const own = versions.find((v) => v.version === version) ?? versions[0];
  return (own?.graph ?? null) as StateGraph | null;
}

type CaseFacts = {
  status: CaseStatus;
  state: string | null;
  provider: string | null;
  lastIdempotencyKey: string | null;
  lastStepState: string | null;
};

/** What the action rules (lib/domain/actions.ts) need to know about a case. */
export function toActionCase(c: CaseFacts, pending: boolean): ActionCase {
  return {
    status: c.status,
    state: c.state,
    provider: c.provider,
    stepKey: c.lastStepState !== null && c.lastStepState === c.state ? c.lastIdempotencyKey : null,
    pending,
  };
}
