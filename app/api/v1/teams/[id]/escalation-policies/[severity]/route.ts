import { apiRoute } from "@/lib/auth/route";
import { readJson } from "@/lib/http/read-body";
import { json } from "@/lib/http/respond";
import { resetEscalationPolicy } from "@/lib/server/oncall/reset-escalation-policy";
import { saveEscalationPolicy } from "@/lib/server/oncall/save-escalation-policy";
import { ZEscalationPolicyInput, ZSeverity } from "@/lib/validation/schedule";

export const dynamic = "force-dynamic";

/** Sets the team's policy for the severity of the path (a severity in the body is ignored). */
export const PUT = apiRoute<{ id: string; severity: string }>("schedules:manage", async (request, ctx) => {
  const body = await readJson(request, 64 * 1024);
  const fields = typeof body === "object" && body !== null && !Array.isArray(body) ? body : {};
  const input = ZEscalationPolicyInput.parse({ ...fields, severity: ctx.params.severity });
  return json(await saveEscalationPolicy(ctx, { ...input, teamId: ctx.params.id }));
});

/** Drops the team's own policy for the severity: the team follows the default again (idempotent). */
export const DELETE = apiRoute<{ id: string; severity: string }>("schedules:manage", async (_request, ctx) => {
  const severity = ZSeverity.parse(ctx.params.severity);
  return json(await resetEscalationPolicy(ctx, { teamId: ctx.params.id, severity }));
});
