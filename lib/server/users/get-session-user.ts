import "server-only";
import type { Db } from "@/lib/db";

/** The user behind a session, unless disabled or deleted since signing in. */
export async function getSessionUser(db: Db, id: string) {
  const user = await db.user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, disabledAt: true },
  });
  return user && !user.disabledAt ? user : null;
}
