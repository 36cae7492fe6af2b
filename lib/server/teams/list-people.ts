import "server-only";
import { authorize } from "@/lib/server/authorize";
import type { Ctx } from "@/lib/server/context";

/** The active users one may add to a team, put on a rotation or notify: for pickers. */
export async function listPeople(ctx: Ctx) {
  authorize(ctx.actor, "teams:read");
  return ctx.db.user.findMany({
    where: { disabledAt: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true, email: true, role: true },
  });
}
