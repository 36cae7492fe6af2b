import { apiRoute } from "@/lib/auth/route";
import { isRunbookKind, RUNBOOK_KINDS, type RunbookKind } from "@/lib/domain/runbook";
import { AppError } from "@/lib/errors";
import { readJson } from "@/lib/http/read-body";
import { queryOf } from "@/lib/http/query";
import { json } from "@/lib/http/respond";
import { getRunbookVersion } from "@/lib/server/runbooks/get-runbook-version";
import { getRunbook } from "@/lib/server/runbooks/get-runbooks";
import { saveRunbook } from "@/lib/server/runbooks/save-runbook";
import { ZRunbookInput, ZRunbookVersionQuery } from "@/lib/validation/runbook";

export const dynamic = "force-dynamic";

type Params = { key: string; kind: string };

function kindOf(params: Params): RunbookKind {
  if (!isRunbookKind(params.kind)) throw new AppError("not_found", `No runbook kind ${params.kind}; the kinds are ${RUNBOOK_KINDS.join(", ")}.`);
  return params.kind;
}

/** One runbook with its version history, or with `?version=N` that version (0 = the built-in one). */
export const GET = apiRoute<Params>("processes:read", async (request, ctx) => {
  const kind = kindOf(ctx.params);
  const { version } = ZRunbookVersionQuery.parse(queryOf(request));
  if (version !== undefined) return json(await getRunbookVersion(ctx, { key: ctx.params.key, kind, version }));
  return json(await getRunbook(ctx, { key: ctx.params.key, kind }));
});

/** Saves a new version (a body identical to the current one saves nothing: `saved: false`). */
export const PUT = apiRoute<Params>("runbooks:edit", async (request, ctx) => {
  const kind = kindOf(ctx.params);
  // 20,000 characters of markdown, up to 4 bytes each once JSON-encoded.
  const input = ZRunbookInput.parse(await readJson(request, 96 * 1024));
  return json(await saveRunbook(ctx, { ...input, key: ctx.params.key, kind }));
});
