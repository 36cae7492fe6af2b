import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError, type Issue } from "@/lib/errors";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { authorize } from "@/lib/server/authorize";
import type { Ctx } from "@/lib/server/context";
import { policyView } from "@/lib/server/oncall/policy-view";
import type { TEscalationPolicy } from "@/lib/validation/schedule";

/** Sets a team's escalation policy for one severity; a step that notifies a user must name an active user. */
export async function saveEscalationPolicy(ctx: Ctx, input: TEscalationPolicy & { teamId: string }) {
  authorize(ctx.actor, "schedules:manage");
  const steps = input.steps as unknown as Prisma.InputJsonValue;
  return ctx.db.$transaction(async (tx) => {
    const team = await tx.team.findUnique({ where: { id: input.teamId }, select: { id: true } });
    if (!team) throw new AppError("not_found", `No team with id ${input.teamId}.`);
    const userIds = input.steps.flatMap((s) => (s.target.kind === "user" ? [s.target.userId] : []));
    const active = new Set((await tx.user.findMany({ where: { id: { in: userIds }, disabledAt: null }, select: { id: true } })).map((u) => u.id));
    const issues: Issue[] = input.steps.flatMap((s, i) =>
      s.target.kind === "user" && !active.has(s.target.userId) ? [{ path: ["steps", i, "target", "userId"], message: "is not an active user" }] : [],
    );
    if (issues.length) throw new AppError("invalid_request", "A step notifies someone who is not an active user.", issues);

    const where = { teamId_severity: { teamId: team.id, severity: input.severity } };
    const before = await tx.escalationPolicy.findUnique({ where, select: { steps: true, repeat: true } });
    const row = await tx.escalationPolicy.upsert({
      where,
      create: { teamId: team.id, severity: input.severity, steps, repeat: input.repeat },
      update: { steps, repeat: input.repeat },
      select: { id: true, severity: true, steps: true, repeat: true, updatedAt: true },
    });
    await writeAudit(tx, ctx.actor, {
      action: "escalation_policy.save",
      targetType: "team",
      targetId: team.id,
      before: before ? { severity: input.severity, steps: before.steps as Prisma.InputJsonValue, repeat: before.repeat } : null,
      after: { severity: input.severity, steps, repeat: input.repeat },
    });
    return policyView(input.severity, row);
  });
}
