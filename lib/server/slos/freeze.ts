import "server-only";
import { inReleaseFreeze } from "@/lib/domain/slo";
import type { Tx } from "@/lib/server/context";
import type { SloStatus } from "@/lib/server/slos/evaluate-slo";

/** Which of the processes are in release freeze now (from their SLOs' last evaluation and open page alerts). */
export async function releaseFreeze(tx: Tx, processIds: string[]): Promise<Map<string, boolean>> {
  const slos = await tx.slo.findMany({
    where: { processId: { in: processIds } },
    select: { processId: true, status: true, alerts: { where: { resolvedAt: null, severity: "page" }, select: { id: true } } },
  });
  return new Map(
    processIds.map((id) => {
      const own = slos.filter((s) => s.processId === id);
      const budgets = own.map((s) => (s.status as SloStatus | null)?.budgetRemaining ?? null);
      return [id, inReleaseFreeze(budgets, own.reduce((n, s) => n + s.alerts.length, 0))];
    }),
  );
}
