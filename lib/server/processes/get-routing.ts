import "server-only";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/server/authorize";
import type { Ctx } from "@/lib/server/context";
import { releaseFreeze } from "@/lib/server/slos/freeze";

/**
 * What engines read before starting a case (API.md `GET /api/v1/processes/{key}/routing`):
 * the versions new starts go to and their share, the states whose new starts are paused,
 * feature flags and the release freeze.
 */
export async function getRouting(ctx: Ctx, input: { key: string }) {
  authorize(ctx.actor, "processes:read");
  const process = await ctx.db.process.findUnique({
    where: { key: input.key },
    select: {
      id: true,
      versions: { orderBy: { createdAt: "desc" }, take: 1, select: { version: true } },
      pauses: { orderBy: { state: "asc" }, select: { state: true } },
    },
  });
  if (!process) throw new AppError("not_found", `No process with key ${input.key}.`);
  return {
    versions: process.versions.map((v) => ({ version: v.version, percent: 100 })),
    paused: process.pauses.map((p) => p.state),
    flags: {} as Record<string, boolean>,
    freeze: (await releaseFreeze(ctx.db, [process.id])).get(process.id) ?? false,
  };
}
