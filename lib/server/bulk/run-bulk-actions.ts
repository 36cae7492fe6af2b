import "server-only";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/server/authorize";
import type { Actor, Ctx } from "@/lib/server/context";
import { createCaseCommand } from "@/lib/server/commands/request-case-command";
import { getSessionUser } from "@/lib/server/users/get-session-user";

export const BULK_BATCH = 50;

/**
 * One batch of one approved bulk action: up to 50 of its cases get their command, each
 * with its own audit row, or are skipped with the reason (the case finished meanwhile,
 * a command is in flight, the provider does not fit). The bulk action's row is locked
 * for the batch, so two workers never run the same one. Commands are made on behalf of
 * the requester, whose right to act is checked again now. Returns whether work is left.
 */
export async function runBulkBatch(ctx: Ctx): Promise<{ bulkActionId: string | null; created: number; skipped: number; more: boolean }> {
  authorize(ctx.actor, "worker:run");
  return ctx.db.$transaction(
    async (tx) => {
      const [bulk] = await tx.$queryRaw<{ id: string; request_id: string; type: string; params: Record<string, string>; reason: string; requested_by_id: string }[]>`
        SELECT id, request_id, type::text AS type, params, reason, requested_by_id FROM bulk_actions
        WHERE status IN ('queued', 'running') ORDER BY requested_at LIMIT 1 FOR UPDATE SKIP LOCKED`;
      if (!bulk) return { bulkActionId: null, created: 0, skipped: 0, more: false };

      const items = await tx.bulkActionItem.findMany({
        where: { bulkActionId: bulk.id, status: "pending" },
        orderBy: { caseId: "asc" },
        take: BULK_BATCH,
      });
      const requester = await getSessionUser(tx, bulk.requested_by_id);
      const actor: Actor | null =
        requester && can(requester.role, "cases:act") ? { type: "user", id: requester.id, email: requester.email, role: requester.role } : null;
      let created = 0;
      let skipped = 0;
      for (const item of items) {
        if (!actor) {
          await tx.bulkActionItem.update({
            where: { bulkActionId_caseId: { bulkActionId: item.bulkActionId, caseId: item.caseId } },
            data: { status: "skipped", message: "the requester may no longer act on cases" },
          });
          skipped++;
          continue;
        }
        try {
          const { command } = await createCaseCommand(tx, actor, {
            caseId: item.caseId,
            type: bulk.type as "restart_step",
            requestId: `${bulk.request_id}:${item.caseId}`,
            reason: bulk.reason,
            toProvider: bulk.params.toProvider,
            toState: bulk.params.toState,
            bulkActionId: bulk.id,
          });
          await tx.bulkActionItem.update({ where: { bulkActionId_caseId: { bulkActionId: item.bulkActionId, caseId: item.caseId } }, data: { status: "created", commandId: command.id } });
          created++;
        } catch (error) {
          // A refusal for one case is its result; anything else aborts the batch (retried next round).
          if (!(error instanceof AppError)) throw error;
          await tx.bulkActionItem.update({ where: { bulkActionId_caseId: { bulkActionId: item.bulkActionId, caseId: item.caseId } }, data: { status: "skipped", message: error.message } });
          skipped++;
        }
      }
      const left = await tx.bulkActionItem.count({ where: { bulkActionId: bulk.id, status: "pending" } });
      await tx.bulkAction.update({
        where: { id: bulk.id },
        data: left === 0 ? { status: "done", finishedAt: new Date() } : { status: "running" },
      });
      return { bulkActionId: bulk.id, created, skipped, more: left > 0 };
    },
    { timeout: 60_000 },
  );
}
