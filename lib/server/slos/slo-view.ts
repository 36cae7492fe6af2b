import "server-only";
import type { AlertTier, SliType } from "@/lib/domain/slo";
import type { SloStatus } from "@/lib/server/slos/evaluate-slo";

export const SLO_SELECT = {
  id: true,
  name: true,
  version: true,
  sli: true,
  targetSec: true,
  objective: true,
  windowDays: true,
  tiers: true,
  minBadEvents: true,
  status: true,
  evaluatedAt: true,
  createdAt: true,
  updatedAt: true,
  process: { select: { key: true, name: true } },
} as const;

type Row = {
  id: string;
  name: string;
  version: string | null;
  sli: SliType;
  targetSec: number | null;
  objective: number;
  windowDays: number;
  tiers: unknown;
  minBadEvents: number;
  status: unknown;
  evaluatedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  process: { key: string; name: string };
};

/** An SLO as the API and pages show it: objective in percent, its last evaluation. */
export function toSloView(r: Row) {
  return {
    id: r.id,
    name: r.name,
    process: r.process.key,
    processName: r.process.name,
    version: r.version,
    sli: r.sli,
    targetSec: r.targetSec,
    objective: Math.round(r.objective * 1e6) / 1e4,
    windowDays: r.windowDays,
    tiers: r.tiers as AlertTier[],
    minBadEvents: r.minBadEvents,
    status: (r.status as SloStatus | null) ?? null,
    evaluatedAt: r.evaluatedAt,
    updatedAt: r.updatedAt,
  };
}
export type SloView = ReturnType<typeof toSloView>;
