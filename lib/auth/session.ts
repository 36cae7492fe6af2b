import "server-only";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth/options";
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
