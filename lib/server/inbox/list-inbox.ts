import "server-only";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/server/authorize";
import type { Ctx } from "@/lib/server/context";

/** The signed-in person's newest notifications and how many are unread (the header badge). */
export async function listInbox(ctx: Ctx, input: { limit?: number } = {}) {
  authorize(ctx.actor, "inbox:read");
  if (ctx.actor.type !== "user") throw new AppError("forbidden", "An inbox belongs to a person.");
  const userId = ctx.actor.id;
  const [items, unread] = await Promise.all([
    ctx.db.notification.findMany({
      where: { userId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: input.limit ?? 30,
      select: { id: true, title: true, body: true, createdAt: true, readAt: true, incidentId: true, incident: { select: { status: true, severity: true } } },
    }),
    ctx.db.notification.count({ where: { userId, readAt: null } }),
  ]);
  return {
    unread,
    items: items.map((n) => ({
      id: n.id,
      title: n.title,
      body: n.body,
      createdAt: n.createdAt.toISOString(),
      read: n.readAt !== null,
      incidentId: n.incidentId,
      incidentStatus: n.incident?.status ?? null,
    })),
  };
}
