import { z } from "zod";
import { ZProcessKey } from "@/lib/validation/event";
import { ZProcessVersionInput } from "@/lib/validation/process-version";
import { ZTeamName } from "@/lib/validation/user";

/** Seconds per state; a threshold is at least a minute and at most 90 days. */
export const ZStuckThresholds = z.record(z.string().min(1).max(200), z.int().min(60).max(90 * 24 * 3600));

export type TStuckThresholds = z.infer<typeof ZStuckThresholds>;

/** Reads the stored JSON; a malformed value (edited by hand) falls back to "no overrides". */
export function parseStuckThresholds(value: unknown): TStuckThresholds {
  const parsed = ZStuckThresholds.safeParse(value);
  return parsed.success ? parsed.data : {};
}


/** A process definition as an admin (or the demo seed) declares it. */
export const ZDefineProcess = z.object({
  key: ZProcessKey,
  name: z.string().trim().min(1).max(200),
  team: ZTeamName.optional(),
  defaultStuckThresholdSec: z.int().min(60).max(90 * 24 * 3600).optional(),
  stuckThresholds: ZStuckThresholds.optional(),
  cycleTimeTargetSec: z.int().min(60).max(365 * 24 * 3600).optional(),
  version: ZProcessVersionInput.optional(),
});
export type TDefineProcess = z.infer<typeof ZDefineProcess>;
