import { expect } from "vitest";
import { POST as ingestRoute } from "@/app/api/v1/events/route";
import type { Role } from "@/lib/auth/roles";
import { getDb } from "@/lib/db";
import type { Ctx } from "@/lib/server/context";
import { projectAll } from "@/lib/server/events/project-cases";
import { defineProcess } from "@/lib/server/processes/define-process";
import { createUser } from "@/lib/server/users/create-user";
import type { TEvent } from "@/lib/validation/event";
import { DEMO_PROCESSES } from "@/prisma/demo-catalog";
import { systemCtx } from "./db";
import { ev } from "./events";
import { call } from "./http";

/** Defines loan-approval with its 1.4.0 state graph, as the demo seed does. */
export async function defineLoanApproval() {
  const loan = DEMO_PROCESSES.find((p) => p.key === "loan-approval")!;
  await defineProcess(await systemCtx(), {
    key: loan.key,
    name: loan.name,
    team: loan.team,
    defaultStuckThresholdSec: loan.defaultStuckThresholdSec,
    stuckThresholds: loan.stuckThresholds,
    version: { version: loan.version, graph: loan.graph },
  });
}

/** A signed-in user's context, for a user created for real (so its id exists), member of `team` when given. */
export async function userCtx(role: Role, email = `${role.replace("_", ".")}@flowdeck.test`, options: { name?: string; team?: string } = {}): Promise<Ctx> {
  const { user } = await createUser(await systemCtx(), { email, role, password: "correct horse battery", ...options });
  return { actor: { type: "user", id: user.id, email: user.email, role }, db: await getDb() };
}

/** Ingests events with a source's key and projects them, as the worker would within moments. */
export async function ingestAs(token: string, events: TEvent[]) {
  const res = await call(ingestRoute, "POST", "/api/v1/events", { token, body: { events } });
  expect(res.status).toBe(202);
  await projectAll(await systemCtx());
}

/**
 * A loan case running in credit-check on bureau-a whose step failed twice; the
 * attempts used the keys `<id>-cc-1` then `<id>-cc-2`.
 */
export function stalledCase(caseId: string, startMinute = 0): TEvent[] {
  const at = (m: number) => ({ caseId, minute: startMinute + m });
  const attempt = (n: number) => ({ state: "credit-check", provider: "bureau-a", attempt: n });
  return [
    ev({ ...at(0), type: "case.started", state: "intake" }),
    ev({ ...at(1), type: "case.state_entered", state: "credit-check" }),
    ev({ ...at(2), type: "step.attempted", ...attempt(1), idempotencyKey: `${caseId}-cc-1` }),
    ev({ ...at(3), type: "step.failed", ...attempt(1), error: { code: "timeout", message: "bureau-a timed out" } }),
    ev({ ...at(4), type: "step.attempted", ...attempt(2), idempotencyKey: `${caseId}-cc-2` }),
    ev({ ...at(5), type: "step.failed", ...attempt(2), error: { code: "timeout", message: "bureau-a timed out" } }),
  ];
}

let requests = 0;
/** A fresh request id, as a browser tab would make one per intent. */
export function requestId(): string {
  return `req-${process.pid}-${++requests}`;
}
