import "server-only";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/server/authorize";
import type { Ctx } from "@/lib/server/context";
import type { StateGraph } from "@/lib/domain/state-graph";
import { listProcessSlos } from "@/lib/server/slos/get-slo";
import { releaseFreeze } from "@/lib/server/slos/freeze";
import { detectorOptions, ZDetectorSettings } from "@/lib/validation/detectors";
import { parseStuckThresholds } from "@/lib/validation/process";

/** One process: owner, thresholds per state (in graph order), incident thresholds, versions. */
export async function getProcess(ctx: Ctx, input: { key: string }) {
  authorize(ctx.actor, "processes:read");
  const p = await ctx.db.process.findUnique({
    where: { key: input.key },
    select: {
      id: true,
      key: true,
      name: true,
      defaultStuckThresholdSec: true,
      stuckThresholds: true,
      detectors: true,
      team: { select: { name: true } },
      versions: { orderBy: { createdAt: "desc" }, select: { version: true, graph: true, createdAt: true } },
      pauses: { select: { state: true, pausedAt: true, pausedBy: true, reason: true } },
    },
  });
  if (!p) throw new AppError("not_found", `No process with key ${input.key}.`);
  const overrides = parseStuckThresholds(p.stuckThresholds);
  const graph = (p.versions[0]?.graph ?? null) as StateGraph | null;
  const states = [...new Set([...(graph?.states.map((s) => s.name) ?? []), ...Object.keys(overrides)])];
  const [slos, freeze] = await Promise.all([listProcessSlos(ctx, { processId: p.id }), releaseFreeze(ctx.db, [p.id])]);
  return {
    key: p.key,
    freeze: freeze.get(p.id) ?? false,
    slos,
    name: p.name,
    owner: p.team?.name ?? null,
    defaultStuckThresholdSec: p.defaultStuckThresholdSec,
    thresholds: states.map((state) => ({
      state,
      kind: graph?.states.find((s) => s.name === state)?.kind ?? null,
      providers: graph?.states.find((s) => s.name === state)?.providers ?? [],
      thresholdSec: Object.hasOwn(overrides, state) ? overrides[state]! : p.defaultStuckThresholdSec,
      overridden: Object.hasOwn(overrides, state),
      pause: p.pauses.find((x) => x.state === state) ?? null,
    })),
    // settings: what the owner chose (a hand-edited, malformed value reads as none); effective: with the defaults.
    detectors: { settings: ZDetectorSettings.safeParse(p.detectors).data ?? {}, effective: detectorOptions(p.detectors) },
    versions: p.versions.map((v) => ({ version: v.version, createdAt: v.createdAt, states: (v.graph as StateGraph | null)?.states?.length ?? 0 })),
  };
}
