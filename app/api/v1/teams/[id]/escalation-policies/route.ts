import { apiRoute } from "@/lib/auth/route";
import { json } from "@/lib/http/respond";
import { getEscalationPolicies } from "@/lib/server/oncall/get-escalation-policies";

export const dynamic = "force-dynamic";

/** The team's policy per severity, defaults marked `isDefault`. */
export const GET = apiRoute<{ id: string }>("teams:read", async (_request, ctx) => {
  return json({ policies: await getEscalationPolicies(ctx, { teamId: ctx.params.id }) });
});
