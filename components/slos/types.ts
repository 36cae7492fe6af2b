import type { Serialized } from "@/lib/serialized";
import type { badCases, breachingSoon } from "@/lib/server/slos/bad-cases";
import type { burnSeries } from "@/lib/server/slos/burn-series";
import type { getSlo } from "@/lib/server/slos/get-slo";

export type SloDetail = Serialized<Awaited<ReturnType<typeof getSlo>>>;
export type BurnSeries = Serialized<Awaited<ReturnType<typeof burnSeries>>>;
export type BadCases = Serialized<Awaited<ReturnType<typeof badCases>>>;
export type Breaching = Serialized<Awaited<ReturnType<typeof breachingSoon>>>;
