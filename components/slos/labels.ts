import type { SliType } from "@/lib/domain/slo";
import { formatDuration } from "@/lib/format";

export const SLI_LABEL: Record<SliType, string> = {
  cycle_time: "Cycle time",
  stuck_ratio: "Stuck ratio",
  failure_rate: "Failure rate",
  retry_rate: "Retries",
  compensation_rate: "Compensations",
};

/** "95% complete within 1 d", "98% not stuck", … */
export function describeSlo(s: { sli: SliType; objective: number; targetSec: number | null; windowDays: number }): string {
  const what: Record<SliType, string> = {
    cycle_time: `complete within ${formatDuration(s.targetSec ?? 0)}`,
    stuck_ratio: "of open cases not stuck",
    failure_rate: "succeed without failing or needing an operator",
    retry_rate: "finish without a retry",
    compensation_rate: "finish without a compensation",
  };
  return `${s.objective}% ${what[s.sli]}, over ${s.windowDays} days`;
}
