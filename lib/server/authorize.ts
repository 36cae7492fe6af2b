import "server-only";
import { can, type Action } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/server/context";

/**
 * Checks `action` against the permission table. The worker and the admin CLI act as
 * the system (whoever runs them already holds the database); API keys act only
 * through their scopes, never through user permissions.
 */
export function authorize(actor: Actor, action: Action): void {
  if (actor.type === "system") return;
  if (actor.type === "user" && can(actor.role, action)) return;
  throw new AppError("forbidden", `You are not allowed to do this (${action}).`);
}
