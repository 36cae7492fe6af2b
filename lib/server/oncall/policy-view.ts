import "server-only";
import { DEFAULT_POLICIES, type EscalationPolicy, type Severity } from "@/lib/domain/escalation";
import { ZStoredSteps } from "@/lib/validation/schedule";

type Row = { severity: Severity; steps: unknown; repeat: number; updatedAt: Date };

/** A team's policy for a severity, or the default with `isDefault` when the team has none. */
export function policyView(severity: Severity, row: Row | undefined) {
  if (!row) {
    const fallback: EscalationPolicy = DEFAULT_POLICIES[severity];
    return { severity, steps: [...fallback.steps], repeat: fallback.repeat, isDefault: true, updatedAt: null };
  }
  // Written only through ZEscalationPolicyInput, so a parse failure is a bug to surface.
  return { severity, steps: ZStoredSteps.parse(row.steps), repeat: row.repeat, isDefault: false, updatedAt: row.updatedAt };
}
