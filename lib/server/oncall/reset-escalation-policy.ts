import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { authorize } from "@/lib/server/authorize";
import type { Ctx } from "@/lib/server/context";
import { policyView } from "@/lib/server/oncall/policy-view";
import type { Severity } from "@/lib/domain/escalation";

/**
 * Drops a team's own policy for one severity, so the team follows the default again.
 * Idempotent: resetting a severity that is already the default changes nothing and writes no audit row.
 * Open incidents keep the policy snapshotted when they opened.
 */
export async function resetEscalationPolicy(ctx: Ctx, input: { teamId: string; severity: Severity }) {
  authorize(ctx.actor, "schedules:manage");
  return ctx.db.$transaction(async (tx) => {
    const team = await tx.team.findUnique({ where: { id: input.teamId }, select: { id: true } });
    if (!team) throw new AppError("not_found", `No team with id ${input.teamId}.`);
    const where = { teamId_severity: { teamId: team.id, severity: input.severity } };
    const before = await tx.escalationPolicy.findUnique({ where, select: { id: true, steps: true, repeat: true } });
    if (before) {
      // deleteMany, not delete: a concurrent reset that got there first is not an error.
      await tx.escalationPolicy.deleteMany({ where: { id: before.id } });
      await writeAudit(tx, ctx.actor, {
        action: "escalation_policy.reset",
        targetType: "team",
        targetId: team.id,
        before: { severity: input.severity, steps: before.steps as Prisma.InputJsonValue, repeat: before.repeat },
        after: { severity: input.severity, default: true },
      });
    }
    return policyView(input.severity, undefined);
  });
}
