import { z } from "zod";
import { OUTAGE_DEFAULTS, REGRESSION_DEFAULTS, STUCK_DEFAULTS } from "@/lib/domain/detectors";

/**
 * A process's incident thresholds; each left out takes the default (lib/domain/detectors.ts).
 * A low-volume process lowers the outage minimum, a busy one raises the stuck threshold.
 */
export const ZDetectorSettings = z.object({
  stuckThreshold: z.int().min(1).max(100_000).optional(),
  outageMinFailures: z.int().min(1).max(100_000).optional(),
  outageMinRatio: z.number().gt(0).max(1).optional(),
  outageWindowMinutes: z.int().min(1).max(60).optional(),
  regressionMinSample: z.int().min(5).max(100_000).optional(),
});
export type TDetectorSettings = z.infer<typeof ZDetectorSettings>;

export type DetectorOptions = {
  stuck: typeof STUCK_DEFAULTS;
  outage: typeof OUTAGE_DEFAULTS;
  regression: typeof REGRESSION_DEFAULTS;
};

/** The stored settings with the defaults filled in; a malformed value (edited by hand) reads as the defaults. */
export function detectorOptions(value: unknown): DetectorOptions {
  const parsed = ZDetectorSettings.safeParse(value);
  const s = parsed.success ? parsed.data : {};
  return {
    stuck: { threshold: s.stuckThreshold ?? STUCK_DEFAULTS.threshold },
    outage: {
      minFailures: s.outageMinFailures ?? OUTAGE_DEFAULTS.minFailures,
      minRatio: s.outageMinRatio ?? OUTAGE_DEFAULTS.minRatio,
      windowMinutes: s.outageWindowMinutes ?? OUTAGE_DEFAULTS.windowMinutes,
    },
    regression: { minSample: s.regressionMinSample ?? REGRESSION_DEFAULTS.minSample, zCritical: REGRESSION_DEFAULTS.zCritical },
  };
}
