import "server-only";
import { forbidden, redirect } from "next/navigation";
import { can, type Action } from "@/lib/auth/permissions";
import { sessionActor, type UserActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import type { Ctx } from "@/lib/server/context";

/**
 * For a page: the signed-in user and a ctx for lib/server, or a redirect to sign in,
 * or 403 when the role lacks `action` (the page's permission, from the one table).
 */
export async function pageContext(action: Action): Promise<{ actor: UserActor; ctx: Ctx }> {
  const actor = await sessionActor();
  if (!actor) redirect("/");
  if (!can(actor.role, action)) forbidden();
  return { actor, ctx: { actor, db: await getDb() } };
}
