import { beforeAll, describe, expect, it, vi } from "vitest";
import AuditPage from "@/app/(dashboard)/audit/page";
import { POST as decisionRoute } from "@/app/api/v1/bulk-actions/[id]/decision/route";
import { POST as bulkRoute } from "@/app/api/v1/bulk-actions/route";
import { POST as caseCommandRoute } from "@/app/api/v1/cases/[caseId]/commands/route";
import { POST as retryRoute } from "@/app/api/v1/commands/[id]/retry/route";
import { POST as stateCommandRoute } from "@/app/api/v1/processes/[key]/commands/route";
import type { Scope } from "@/lib/auth/api-key";
import { can, PERMISSIONS, scopeFor, type Action } from "@/lib/auth/permissions";
import { ROLES, type Role } from "@/lib/auth/roles";
import { getDb } from "@/lib/db";
import { CASE_ACTIONS, type CaseAction, type StateAction } from "@/lib/domain/actions";
import { listAudit } from "@/lib/server/audit/list-audit";
import { requestBulkAction } from "@/lib/server/bulk/request-bulk-action";
import { requestCaseCommand } from "@/lib/server/commands/request-case-command";
import { requestStateCommand } from "@/lib/server/commands/request-state-command";
import type { Ctx } from "@/lib/server/context";
import { authenticateApiKey } from "@/lib/server/sources/authenticate-api-key";
import { ZAuditQuery } from "@/lib/validation/audit";
import { TWO_PERSON_THRESHOLD } from "@/lib/validation/command";
import { createKey, resetDatabase, systemCtx } from "../support/db";
import { call, type CallOptions } from "../support/http";
import { defineLoanApproval, ingestAs, requestId, stalledCase, userCtx } from "../support/outbox";
import { elementsOf, pageAs } from "../support/page";
import { callAs } from "../support/session";

vi.mock("next-auth", async (original) => (await import("../support/session")).withTestSession(await original<typeof import("next-auth")>()));

/**
 * Who calls: every role of lib/auth/roles.ts signed in, an engine's API key with every
 * scope, and nobody. Each caller has its own valid targets, so a call that got past
 * authorization would succeed and write: a refusal is the only reason nothing changes.
 */
type Caller = { name: string } & ({ kind: "user"; role: Role; ctx: Ctx } | { kind: "key"; token: string; scopes: readonly Scope[] } | { kind: "none" });

const KEY_SCOPES: Scope[] = ["ingest", "commands", "read"];
const PROCESS = "loan-approval";
const PAUSED_STATE = "credit-check";

/** The extra input each case action needs to be valid on a loan stalled in credit-check. */
const CHOICES: Record<CaseAction, { toProvider?: string; toState?: string }> = {
  restart_step: {},
  reroute: { toProvider: "bureau-b" },
  compensate: {},
  progress: { toState: "manual-review" },
  cancel: {},
};

let callers: Caller[];
let requester: Ctx; // requests the large bulk actions the callers decide on

/** The cases a caller acts on: one per case action, one for its bulk action, one for its dead letter. */
const caseOf = (caller: Caller, what: string) => `${caller.name.replace(/[^a-z]+/g, "-")}-${what}`;

beforeAll(async () => {
  await resetDatabase();
  await defineLoanApproval();
  const key = await createKey(KEY_SCOPES);
  const users: Caller[] = [];
  for (const role of ROLES) users.push({ name: role, kind: "user", role, ctx: await userCtx(role, `${role.replace("_", ".")}@matrix.test`) });
  callers = [...users, { name: "api key", kind: "key", token: key.token, scopes: KEY_SCOPES }, { name: "no session", kind: "none" }];
  requester = await userCtx("admin", "requester@matrix.test");
  const targets = callers.flatMap((c) => [...CASE_ACTIONS, "bulk", "dead"].map((what) => caseOf(c, what)));
  await ingestAs(key.token, targets.flatMap((id) => stalledCase(id)));
}, 120_000);

/** POSTs as `caller`: with the session cookie, the bearer key, or nothing. */
function send<P extends Record<string, string>>(caller: Caller, handler: Parameters<typeof call<P>>[0], url: string, options: CallOptions<P>) {
  switch (caller.kind) {
    case "user":
      return callAs(caller.ctx, handler, "POST", url, options);
    case "key":
      return call(handler, "POST", url, { ...options, token: caller.token });
    case "none":
      return call(handler, "POST", url, options);
  }
}

/** What the permission table says a caller gets: through, 403 (signed in or keyed, not allowed), or 401. */
function expected(caller: Caller, action: Action): "through" | 401 | 403 {
  switch (caller.kind) {
    case "user":
      return can(caller.role, action) ? "through" : 403;
    case "key": {
      const scope = scopeFor(action);
      return scope && caller.scopes.includes(scope) ? "through" : 403;
    }
    case "none":
      return 401;
  }
}

/** 2xx is through; a refusal is its status and error code (a domain 409/400 would show here too, and fail). */
function outcome(res: { status: number; body: Record<string, unknown> | null }) {
  return res.status >= 200 && res.status < 300 ? "through" : `${res.status} ${String(res.body?.error)}`;
}
const asOutcome = (want: "through" | 401 | 403) => (want === 401 ? "401 unauthorized" : want === 403 ? "403 forbidden" : want);

async function rows() {
  const db = await getDb();
  return {
    commands: await db.command.count(),
    audits: await db.auditLog.count(),
    bulkActions: await db.bulkAction.count(),
    bulkItems: await db.bulkActionItem.count(),
    pauses: await db.processPause.count(),
    intervened: await db.case.count({ where: { intervened: true } }),
  };
}

const system = () => systemCtx();
const isPaused = async () =>
  Boolean(await (await getDb()).processPause.findFirst({ where: { state: PAUSED_STATE, process: { key: PROCESS } }, select: { processId: true } }));
const setPause = async (type: StateAction) =>
  requestStateCommand(await system(), { type, process: PROCESS, state: PAUSED_STATE, requestId: requestId(), reason: "fixture: set the pause" });

/**
 * One acting route: the permission its handler declares (apiRoute's first argument),
 * how to set up a fresh target for a caller, how to call it, and what a refused call
 * must leave as it was.
 */
type Route = {
  name: string;
  action: Action;
  prepare: (caller: Caller) => Promise<string>;
  send: (caller: Caller, target: string) => ReturnType<typeof call>;
  untouched: (target: string) => Promise<unknown>;
};

const pendingCommands = async (caseId: string) => (await getDb()).command.count({ where: { caseId } });

const caseRoutes: Route[] = CASE_ACTIONS.map((type) => ({
  name: `POST /api/v1/cases/{caseId}/commands ${type}`,
  action: "cases:act",
  prepare: async (caller) => caseOf(caller, type),
  send: (caller, caseId) =>
    send(caller, caseCommandRoute, `/api/v1/cases/${caseId}/commands`, {
      params: { caseId },
      body: { type, requestId: requestId(), reason: "authorization matrix", ...CHOICES[type] },
    }),
  untouched: async (caseId) => expect(await pendingCommands(caseId)).toBe(0),
}));

const stateRoute = (type: StateAction): Route => ({
  name: `POST /api/v1/processes/{key}/commands ${type}`,
  action: "cases:act",
  // A pause needs the state running, a resume needs it paused.
  prepare: async () => {
    if ((await isPaused()) !== (type === "resume_starts")) await setPause(type === "pause_starts" ? "resume_starts" : "pause_starts");
    return PROCESS;
  },
  send: (caller, key) =>
    send(caller, stateCommandRoute, `/api/v1/processes/${key}/commands`, {
      params: { key },
      body: { type, state: PAUSED_STATE, requestId: requestId(), reason: "authorization matrix" },
    }),
  untouched: async () => expect(await isPaused()).toBe(type === "resume_starts"),
});

/** A bulk action over more than 25 cases, requested by someone else, waiting for a second person. */
async function awaitingApproval(caller: Caller): Promise<string> {
  const caseIds = Array.from({ length: TWO_PERSON_THRESHOLD + 1 }, (_, i) => `${caseOf(caller, "approval")}-${i}`);
  const { id } = await requestBulkAction(requester, { type: "cancel", requestId: requestId(), reason: "fixture: needs approval", caseIds });
  return id;
}
const bulkStatus = async (id: string) => (await (await getDb()).bulkAction.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;

const decisionOf = (approve: boolean): Route => ({
  name: `POST /api/v1/bulk-actions/{id}/decision ${approve ? "approve" : "reject"}`,
  action: "bulk:approve",
  prepare: awaitingApproval,
  send: (caller, id) => send(caller, decisionRoute, `/api/v1/bulk-actions/${id}/decision`, { params: { id }, body: { approve } }),
  untouched: async (id) => expect(await bulkStatus(id)).toBe("awaiting_approval"),
});

const ROUTES: Route[] = [
  ...caseRoutes,
  stateRoute("pause_starts"),
  stateRoute("resume_starts"),
  {
    name: "POST /api/v1/bulk-actions",
    action: "cases:act",
    prepare: async (caller) => caseOf(caller, "bulk"),
    send: (caller, caseId) =>
      send(caller, bulkRoute, "/api/v1/bulk-actions", { body: { type: "compensate", requestId: requestId(), reason: "authorization matrix", caseIds: [caseId] } }),
    untouched: async (caseId) => expect(await (await getDb()).bulkActionItem.count({ where: { caseId } })).toBe(0),
  },
  decisionOf(true),
  decisionOf(false),
  {
    name: "POST /api/v1/commands/{id}/retry",
    action: "cases:act",
    // A command of the caller's own case whose delivery gave up (dead-lettered).
    prepare: async (caller) => {
      const { command } = await requestCaseCommand(await system(), { type: "cancel", requestId: requestId(), reason: "fixture: will die", caseId: caseOf(caller, "dead") });
      await (await getDb()).command.update({ where: { id: command.id }, data: { deadAt: new Date() } });
      return command.id;
    },
    send: (caller, id) => send(caller, retryRoute, `/api/v1/commands/${id}/retry`, { params: { id } }),
    untouched: async (id) => expect((await (await getDb()).command.findUniqueOrThrow({ where: { id } })).deadAt).not.toBeNull(),
  },
];

describe("who may act, through the real route handlers", () => {
  it("the product rule, literally: only on-call engineers and admins act and approve; engines never do", () => {
    for (const action of ["cases:act", "bulk:approve"] as const) {
      expect(ROLES.filter((r) => can(r, action)).sort()).toEqual(["admin", "on_call"]);
      expect(scopeFor(action)).toBeUndefined();
    }
    expect(ROLES.filter((r) => can(r, "audit:read")).sort()).toEqual(["admin", "manager"]);
    expect(PERMISSIONS["audit:read"]).not.toHaveProperty("scope");
  });

  // Each: exactly the callers the permission table allows get through; every refusal writes nothing.
  for (const route of ROUTES) {
    it(route.name, async () => {
      const got: Record<string, string> = {};
      const want: Record<string, string> = {};
      const leaks: string[] = [];
      for (const caller of callers) {
        const target = await route.prepare(caller);
        const before = await rows();
        got[caller.name] = outcome(await route.send(caller, target));
        want[caller.name] = asOutcome(expected(caller, route.action));
        const after = await rows();
        if (got[caller.name] === "through") {
          if (after.audits <= before.audits) leaks.push(`${caller.name}: got through without an audit row`);
        } else {
          if (JSON.stringify(after) !== JSON.stringify(before)) leaks.push(`${caller.name}: refused but wrote ${JSON.stringify({ before, after })}`);
          await route.untouched(target);
        }
      }
      expect(got).toEqual(want);
      expect(leaks).toEqual([]);
      // Pinned apart from the table: a change to it that lets another role act fails here.
      expect(Object.keys(got).filter((name) => got[name] === "through")).toEqual(["admin", "on_call"]);
    });
  }
});

describe("who may read the audit log", () => {
  it("the audit page renders for the roles with audit:read, answers 403 to the others, sends nobody to sign in; keys are refused", async () => {
    const db = await getDb();
    const entries = await db.auditLog.count();
    const got: Record<string, number | string> = {};
    const want: Record<string, number | string> = {};
    for (const caller of callers) {
      if (caller.kind === "key") {
        // The audit log has no API route; an engine's key cannot read it through lib/server either.
        const actor = await authenticateApiKey(db, caller.token);
        expect(actor).not.toBeNull();
        const res = await listAudit({ actor: actor!, db }, ZAuditQuery.parse({})).then(() => "read", (e: { code?: string }) => e.code ?? "threw");
        got[caller.name] = res;
        want[caller.name] = "forbidden";
        continue;
      }
      const page = await pageAs(caller.kind === "user" ? caller.ctx : null, () => AuditPage({ searchParams: Promise.resolve({}) }));
      got[caller.name] = page.status === 307 ? `redirect ${page.location}` : page.status;
      want[caller.name] = caller.kind === "none" ? "redirect /" : can(caller.role, "audit:read") ? 200 : 403;
      if (page.status === 200) {
        // Rendered means it read: the page shows the newest entries.
        const shown = elementsOf(page.element).filter((e) => e.type === "tr" && e.key !== null);
        expect(shown).toHaveLength(Math.min(entries, 50));
      }
    }
    expect(got).toEqual(want);
    expect(Object.keys(got).filter((name) => got[name] === 200)).toEqual(["admin", "manager"]);
    // Reading is not a mutation: it writes no audit row of its own.
    expect(await db.auditLog.count()).toBe(entries);
  });
});
