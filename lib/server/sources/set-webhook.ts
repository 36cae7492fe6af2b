import "server-only";
import { generateWebhookSecret } from "@/lib/auth/signature";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { authorize } from "@/lib/server/authorize";
import type { Ctx } from "@/lib/server/context";

/**
 * Sets (or, with url null, removes) a source's webhook for commands. A new signing
 * secret is made each time and returned once.
 */
export async function setWebhook(ctx: Ctx, input: { source: string; url: string | null }) {
  authorize(ctx.actor, "sources:manage");
  const secret = input.url ? generateWebhookSecret() : null;
  return ctx.db.$transaction(async (tx) => {
    const source = await tx.source.findUnique({ where: { name: input.source }, select: { id: true, webhookUrl: true } });
    if (!source) throw new AppError("not_found", `No source named ${input.source}.`);
    await tx.source.update({ where: { id: source.id }, data: { webhookUrl: input.url, webhookSecret: secret } });
    await writeAudit(tx, ctx.actor, {
      action: input.url ? "source.webhook_set" : "source.webhook_removed",
      targetType: "source",
      targetId: source.id,
      before: { webhookUrl: source.webhookUrl },
      after: { webhookUrl: input.url },
    });
    return { sourceId: source.id, url: input.url, secret };
  });
}
