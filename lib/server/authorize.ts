import "server-only";
import { can, scopeFor, type Action } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/server/context";

/**
 * Checks `action` against the permission table: users by role, API keys by scope.
 * The worker and the admin CLI act as the system (whoever runs them already holds
 * the database).
 */
export function authorize(actor: Actor, action: Action): void {
  switch (actor.type) {
    case "system":
      return;
    case "user":
      if (can(actor.role, action)) return;
      throw new AppError("forbidden", `Your role (${actor.role}) may not do this (${action}).`);
    case "api_key": {
      const scope = scopeFor(action);
      if (scope && actor.scopes.includes(scope)) return;
      throw new AppError(
        "forbidden",
        scope ? `This API key lacks the "${scope}" scope.` : `API keys may not do this (${action}).`,
      );
    }
  }
}
