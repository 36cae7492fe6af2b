import "server-only";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { authorize } from "@/lib/server/authorize";
import type { Ctx } from "@/lib/server/context";
import type { TProcessOwnership } from "@/lib/validation/team";

/**
 * Sets which team owns a process and who its process owner is. The owner must be a
 * member of that team: ownership that points outside the team would route incidents
 * to one team and questions to another.
 */
export async function setProcessOwnership(ctx: Ctx, input: TProcessOwnership & { key: string }) {
  authorize(ctx.actor, "teams:manage");
  const ownerId = input.ownerId || null;
  return ctx.db.$transaction(async (tx) => {
    const process = await tx.process.findUnique({ where: { key: input.key }, select: { id: true, key: true, teamId: true, ownerId: true } });
    if (!process) throw new AppError("not_found", `No process with key ${input.key}.`);
    const team = await tx.team.findUnique({ where: { id: input.teamId }, select: { id: true, name: true } });
    if (!team) throw new AppError("invalid_request", `No team with id ${input.teamId}.`, [{ path: ["teamId"], message: "is not a team" }]);
    if (ownerId) {
      const member = await tx.membership.findUnique({ where: { teamId_userId: { teamId: team.id, userId: ownerId } }, select: { userId: true } });
      if (!member) {
        const user = await tx.user.findUnique({ where: { id: ownerId }, select: { name: true } });
        const who = user?.name ?? `User ${ownerId}`;
        const message = `${who} is not a member of ${team.name}; add them to the team first, or choose a member as the process owner.`;
        throw new AppError("invalid_request", message, [{ path: ["ownerId"], message: `is not a member of ${team.name}` }]);
      }
    }
    await tx.process.update({ where: { id: process.id }, data: { teamId: team.id, ownerId } });
    await writeAudit(tx, ctx.actor, {
      action: "process.ownership",
      targetType: "process",
      targetId: process.id,
      processId: process.id,
      before: { teamId: process.teamId, ownerId: process.ownerId },
      after: { teamId: team.id, ownerId },
    });
    return { key: process.key, teamId: team.id, ownerId };
  });
}
