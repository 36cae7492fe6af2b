import "server-only";
import type { Db } from "@/lib/db";
import { projectionIsCurrent } from "@/lib/domain/projection";
import type { Tx } from "@/lib/server/context";

/** Whether the case projection is current at `now` (lib/domain/projection.ts): the oldest queued batch, by its id index. */
export async function projectionCurrentAt(db: Db | Tx, now: Date): Promise<boolean> {
  const oldest = await db.projectionQueue.findFirst({ orderBy: { id: "asc" }, select: { enqueuedAt: true } });
  return projectionIsCurrent(oldest?.enqueuedAt ?? null, now);
}
