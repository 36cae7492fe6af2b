import "server-only";
import type { Action } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/server/authorize";
import type { Actor, Tx } from "@/lib/server/context";

/**
 * The permission table says process owners may edit SLOs and thresholds; this says
 * which processes: those whose owning team they belong to. Admins and the system may
 * edit any. Returns the process.
 */
export async function authorizeOwner(tx: Tx, actor: Actor, action: Action, processKey: string) {
  authorize(actor, action);
  const process = await tx.process.findUnique({ where: { key: processKey }, select: { id: true, key: true, teamId: true } });
  if (!process) throw new AppError("not_found", `No process with key ${processKey}.`);
  if (actor.type === "user" && actor.role !== "admin") {
    const member = process.teamId
      ? await tx.membership.findUnique({ where: { teamId_userId: { teamId: process.teamId, userId: actor.id } }, select: { userId: true } })
      : null;
    if (!member) throw new AppError("forbidden", `Only the team that owns ${processKey} (or an admin) may change it.`);
  }
  return process;
}
