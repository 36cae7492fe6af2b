import "server-only";
import { SEVERITIES } from "@/lib/domain/escalation";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/server/authorize";
import type { Ctx } from "@/lib/server/context";
import { policyView } from "@/lib/server/oncall/policy-view";

/** A team's escalation policy for SEV1–SEV3; a severity the team has not set falls back to DEFAULT_POLICIES (`isDefault`). */
export async function getEscalationPolicies(ctx: Ctx, input: { teamId: string }) {
  authorize(ctx.actor, "teams:read");
  const team = await ctx.db.team.findUnique({
    where: { id: input.teamId },
    select: { id: true, escalationPolicies: { select: { severity: true, steps: true, repeat: true, updatedAt: true } } },
  });
  if (!team) throw new AppError("not_found", `No team with id ${input.teamId}.`);
  return SEVERITIES.map((severity) => policyView(severity, team.escalationPolicies.find((p) => p.severity === severity)));
}
