import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "@/lib/auth/options";
import { can, type Action } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/server/context";
import { getSessionUser } from "@/lib/server/users/get-session-user";

export type UserActor = Extract<Actor, { type: "user" }> & { name: string };

/**
 * The signed-in user, read again from the database on every request so that a
 * disabled user or a changed role takes effect at once, not when the session expires.
 */
export async function sessionActor(): Promise<UserActor | null> {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  const user = await getSessionUser(await getDb(), id);
  return user ? { type: "user", id: user.id, email: user.email, role: user.role, name: user.name } : null;
}

/** For pages: the signed-in user, or a redirect to sign in that comes back to `path`. */
export async function requireUser(path: string): Promise<UserActor> {
  const actor = await sessionActor();
  if (!actor) redirect(`/?callbackUrl=${encodeURIComponent(path)}`);
  return actor;
}

/** For pages: whether the user may see a page that needs `action` (else the page shows 403). */
export function mayView(actor: UserActor, action: Action): boolean {
  return can(actor.role, action);
}
