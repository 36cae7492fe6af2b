import { z } from "zod";

/** Seconds per state; a threshold is at least a minute and at most 90 days. */
export const ZStuckThresholds = z.record(z.string().min(1).max(200), z.int().min(60).max(90 * 24 * 3600));

export type TStuckThresholds = z.infer<typeof ZStuckThresholds>;

/** Reads the stored JSON; a malformed value (edited by hand) falls back to "no overrides". */
export function parseStuckThresholds(value: unknown): TStuckThresholds {
  const parsed = ZStuckThresholds.safeParse(value);
  return parsed.success ? parsed.data : {};
}
