import { ROLES, type Role } from "@/lib/auth/roles";

const EVERYONE = ROLES;

/**
 * The one permission table: which roles may do what. The server checks it on every
 * request (lib/server/authorize.ts); the UI reads it only to hide what a role cannot do.
 */
export const PERMISSIONS = {
  "overview:read": EVERYONE,
  "cases:read": EVERYONE,
  "processes:read": EVERYONE,
  "audit:read": ["admin", "manager"],
  "sources:manage": ["admin"],
  "users:manage": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;

export function can(role: Role, action: Action): boolean {
  return (PERMISSIONS[action] as readonly Role[]).includes(role);
}
