import "server-only";
import type { Tx } from "@/lib/server/context";

/** The user behind a session, unless disabled or deleted since signing in. */
export async function getSessionUser(db: Tx, id: string) {
  const user = await db.user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, disabledAt: true },
  });
  return user && !user.disabledAt ? user : null;
}
