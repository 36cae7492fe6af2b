import { describe, it, expect } from "vitest";
import { SCOPES, type Scope } from "@/lib/auth/api-key";
import { PERMISSIONS, can, scopeFor, type Action } from "@/lib/auth/permissions";
import { ROLES, type Role } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/server/authorize";
import type { Actor } from "@/lib/server/context";

/**
 * The expected table, written out by hand (PRODUCT.md, "Roles"): a change to
 * PERMISSIONS must be made here too, on purpose.
 */
const Y = true;
const N = false;
const MATRIX = {
  "events:ingest": { admin: N, ops_leader: N, process_owner: N, on_call: N, manager: N },
  "worker:run": { admin: N, ops_leader: N, process_owner: N, on_call: N, manager: N },
  "overview:read": { admin: Y, ops_leader: Y, process_owner: Y, on_call: Y, manager: Y },
  "cases:read": { admin: Y, ops_leader: Y, process_owner: Y, on_call: Y, manager: Y },
  "cases:act": { admin: Y, ops_leader: N, process_owner: N, on_call: Y, manager: N },
  "bulk:approve": { admin: Y, ops_leader: N, process_owner: N, on_call: Y, manager: N },
  "commands:pull": { admin: N, ops_leader: N, process_owner: N, on_call: N, manager: N },
  "commands:ack": { admin: N, ops_leader: N, process_owner: N, on_call: N, manager: N },
  "processes:read": { admin: Y, ops_leader: Y, process_owner: Y, on_call: Y, manager: Y },
  "slos:edit": { admin: Y, ops_leader: N, process_owner: Y, on_call: N, manager: N },
  "processes:tune": { admin: Y, ops_leader: N, process_owner: Y, on_call: N, manager: N },
  "audit:read": { admin: Y, ops_leader: N, process_owner: N, on_call: N, manager: Y },
  "teams:read": { admin: Y, ops_leader: Y, process_owner: Y, on_call: Y, manager: Y },
  "teams:manage": { admin: Y, ops_leader: N, process_owner: N, on_call: N, manager: Y },
  "schedules:manage": { admin: Y, ops_leader: N, process_owner: N, on_call: N, manager: Y },
  "incidents:read": { admin: Y, ops_leader: Y, process_owner: Y, on_call: Y, manager: Y },
  "incidents:respond": { admin: Y, ops_leader: N, process_owner: N, on_call: Y, manager: Y },
  "runbooks:edit": { admin: Y, ops_leader: N, process_owner: Y, on_call: N, manager: N },
  "inbox:read": { admin: Y, ops_leader: Y, process_owner: Y, on_call: Y, manager: Y },
  "processes:define": { admin: Y, ops_leader: N, process_owner: N, on_call: N, manager: N },
  "sources:manage": { admin: Y, ops_leader: N, process_owner: N, on_call: N, manager: N },
  "users:manage": { admin: Y, ops_leader: N, process_owner: N, on_call: N, manager: N },
} as const satisfies Record<Action, Record<Role, boolean>>;

/** The API-key scope that grants each action; undefined: engines may not do it. */
const SCOPE_OF = {
  "events:ingest": "ingest",
  "worker:run": undefined,
  "overview:read": "read",
  "cases:read": "read",
  "cases:act": undefined,
  "bulk:approve": undefined,
  "commands:pull": "commands",
  "commands:ack": "commands",
  "processes:read": "read",
  "slos:edit": undefined,
  "processes:tune": undefined,
  "audit:read": undefined,
  "teams:read": "read",
  "teams:manage": undefined,
  "schedules:manage": undefined,
  "incidents:read": "read",
  "incidents:respond": undefined,
  "runbooks:edit": undefined,
  "inbox:read": undefined,
  "processes:define": undefined,
  "sources:manage": undefined,
  "users:manage": undefined,
} as const satisfies Record<Action, Scope | undefined>;

const ACTIONS = Object.keys(MATRIX) as Action[];

const user = (role: Role): Actor => ({ type: "user", id: `u-${role}`, email: `${role}@example.com`, role });
const apiKey = (...scopes: Scope[]): Actor => ({ type: "api_key", keyId: "k1", sourceId: "s1", scopes });
const SYSTEM: Actor = { type: "system", name: "worker" };

/** The error `fn` throws (fails the test when it does not throw). */
function thrown(fn: () => void): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected a throw");
}

function expectForbidden(fn: () => void) {
  const e = thrown(fn);
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe("forbidden");
}

describe("the permission table", () => {
  it("the matrix names exactly the actions of PERMISSIONS (a new action must be added here)", () => {
    expect([...ACTIONS].sort()).toEqual(Object.keys(PERMISSIONS).sort());
    expect(Object.keys(SCOPE_OF).sort()).toEqual(Object.keys(PERMISSIONS).sort());
  });

  it("the matrix has a column for every role", () => {
    for (const action of ACTIONS) expect(Object.keys(MATRIX[action]).sort()).toEqual([...ROLES].sort());
  });

  it("only admins manage users, sources and process definitions", () => {
    for (const role of ROLES) {
      expect(can(role, "users:manage")).toBe(role === "admin");
      expect(can(role, "sources:manage")).toBe(role === "admin");
      expect(can(role, "processes:define")).toBe(role === "admin");
    }
  });

  it("no signed-in role may ingest or project events", () => {
    for (const role of ROLES) {
      expect(can(role, "events:ingest")).toBe(false);
      expect(can(role, "worker:run")).toBe(false);
    }
  });
});

describe("can: role × action", () => {
  for (const action of ACTIONS) {
    for (const role of ROLES) {
      const expected = MATRIX[action][role];
      it(`${role} ${expected ? "may" : "may not"} ${action}`, () => {
        expect(can(role, action)).toBe(expected);
      });
    }
  }
});

describe("scopeFor", () => {
  for (const action of ACTIONS) {
    it(`${action} → ${SCOPE_OF[action] ?? "no scope"}`, () => {
      expect(scopeFor(action)).toBe(SCOPE_OF[action]);
    });
  }

  it("every scope it returns is a known API-key scope", () => {
    for (const action of ACTIONS) {
      const scope = scopeFor(action);
      if (scope !== undefined) expect(SCOPES).toContain(scope);
    }
  });
});

describe("authorize", () => {
  describe("a signed-in user, by role", () => {
    for (const action of ACTIONS) {
      for (const role of ROLES) {
        if (MATRIX[action][role]) {
          it(`lets ${role} ${action}`, () => {
            expect(() => authorize(user(role), action)).not.toThrow();
          });
        } else {
          it(`refuses ${role} ${action} with forbidden`, () => {
            expectForbidden(() => authorize(user(role), action));
          });
        }
      }
    }

    it("names the role and the action in the message", () => {
      const e = thrown(() => authorize(user("on_call"), "users:manage")) as AppError;
      expect(e.message).toContain("on_call");
      expect(e.message).toContain("users:manage");
    });
  });

  describe("an API key, by scope", () => {
    it("passes with the scope the action needs", () => {
      expect(() => authorize(apiKey("ingest"), "events:ingest")).not.toThrow();
      expect(() => authorize(apiKey("read"), "cases:read")).not.toThrow();
      expect(() => authorize(apiKey("read"), "overview:read")).not.toThrow();
      expect(() => authorize(apiKey("read"), "processes:read")).not.toThrow();
      expect(() => authorize(apiKey("commands", "ingest"), "events:ingest")).not.toThrow();
    });

    it("throws forbidden with another scope, naming the missing one", () => {
      expectForbidden(() => authorize(apiKey("read"), "events:ingest"));
      expectForbidden(() => authorize(apiKey("ingest", "commands"), "cases:read"));
      expectForbidden(() => authorize(apiKey(), "cases:read"));
      const e = thrown(() => authorize(apiKey("read"), "events:ingest")) as AppError;
      expect(e.message).toContain('"ingest"');
    });

    it("throws forbidden for an action no scope grants, even with every scope", () => {
      for (const action of ACTIONS.filter((a) => SCOPE_OF[a] === undefined)) {
        expectForbidden(() => authorize(apiKey(...SCOPES), action));
      }
    });

    it("agrees with the scope table for every action and scope", () => {
      for (const action of ACTIONS) {
        for (const scope of SCOPES) {
          if (SCOPE_OF[action] === scope) expect(() => authorize(apiKey(scope), action)).not.toThrow();
          else expectForbidden(() => authorize(apiKey(scope), action));
        }
      }
    });
  });

  describe("the system (worker, CLI)", () => {
    it("may do every action", () => {
      for (const action of ACTIONS) expect(() => authorize(SYSTEM, action)).not.toThrow();
    });
  });
});
