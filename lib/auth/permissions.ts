import type { Scope } from "@/lib/auth/api-key";
import { ROLES, type Role } from "@/lib/auth/roles";

const EVERYONE = ROLES;
const NO_ROLE: readonly Role[] = [];

type Rule = { roles: readonly Role[]; scope?: Scope };

/**
 * The one permission table: which roles (signed-in users) and which API-key scope
 * (engines) may do what. The server checks it on every request (lib/server/authorize.ts);
 * the UI reads it only to hide what a role cannot do.
 */
export const PERMISSIONS = {
  "events:ingest": { roles: NO_ROLE, scope: "ingest" },
  "worker:run": { roles: NO_ROLE }, // background jobs: the system only
  "overview:read": { roles: EVERYONE, scope: "read" },
  "cases:read": { roles: EVERYONE, scope: "read" },
  "cases:act": { roles: ["on_call", "admin"] },
  "bulk:approve": { roles: ["on_call", "admin"] },
  "commands:pull": { roles: NO_ROLE, scope: "commands" },
  "commands:ack": { roles: NO_ROLE, scope: "commands" },
  "processes:read": { roles: EVERYONE, scope: "read" },
  // Process owners only for processes their team owns (lib/server/slos/owner.ts checks that).
  "slos:edit": { roles: ["admin", "process_owner"] },
  "processes:tune": { roles: ["admin", "process_owner"] },
  "audit:read": { roles: ["admin", "manager"] },
  // Ownership and on-call: everyone reads who owns what and who is on call.
  "teams:read": { roles: EVERYONE, scope: "read" },
  "teams:manage": { roles: ["admin", "manager"] },
  "schedules:manage": { roles: ["admin", "manager"] },
  "incidents:read": { roles: EVERYONE, scope: "read" },
  // Acknowledge, reassign, escalate, resolve.
  "incidents:respond": { roles: ["on_call", "manager", "admin"] },
  // Process owners only for processes their team owns (as slos:edit).
  "runbooks:edit": { roles: ["admin", "process_owner"] },
  // A person's own inbox of notifications.
  "inbox:read": { roles: EVERYONE },
  "processes:define": { roles: ["admin"] },
  "sources:manage": { roles: ["admin"] },
  "users:manage": { roles: ["admin"] },
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof PERMISSIONS;

export function can(role: Role, action: Action): boolean {
  return (PERMISSIONS[action].roles as readonly Role[]).includes(role);
}

/** The API-key scope that grants `action`, if engines may do it at all. */
export function scopeFor(action: Action): Scope | undefined {
  const rule: Rule = PERMISSIONS[action];
  return rule.scope;
}
