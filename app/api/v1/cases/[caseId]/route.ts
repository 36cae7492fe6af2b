import { apiRoute } from "@/lib/auth/route";
import { json } from "@/lib/http/respond";
import { getCase } from "@/lib/server/cases/get-case";
import { ZCaseId } from "@/lib/validation/case";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ caseId: string }>("cases:read", async (_request, ctx) => {
  return json(await getCase(ctx, { caseId: ZCaseId.parse(ctx.params.caseId) }));
});
