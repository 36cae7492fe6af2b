import { apiRoute } from "@/lib/auth/route";
import { readJson } from "@/lib/http/read-body";
import { json } from "@/lib/http/respond";
import { requestCaseCommand } from "@/lib/server/commands/request-case-command";
import { ZCaseId } from "@/lib/validation/case";
import { ZCaseCommand } from "@/lib/validation/command";

export const dynamic = "force-dynamic";

/** An operator action on a case (signed-in on-call engineers and admins; see docs/api.md). */
export const POST = apiRoute<{ caseId: string }>("cases:act", async (request, ctx) => {
  const input = ZCaseCommand.parse(await readJson(request, 16 * 1024));
  const { command, created } = await requestCaseCommand(ctx, { ...input, caseId: ZCaseId.parse(ctx.params.caseId) });
  return json({ command, created }, created ? 201 : 200);
});
