import { z } from "zod";
import { CYCLE_TARGET_SECONDS } from "@/lib/domain/case-stats";
import { BURN_WINDOW_NAMES, BURN_WINDOWS, DEFAULT_MIN_BAD_EVENTS, DEFAULT_TIERS, SLI_TYPES, SLO_WINDOW_DAYS } from "@/lib/domain/slo";
import { ZProcessKey, ZSemver } from "@/lib/validation/event";

const ZBurnWindow = z.enum(BURN_WINDOW_NAMES as [string, ...string[]]);

export const ZAlertTier = z
  .object({
    severity: z.enum(["page", "ticket"]),
    longWindow: ZBurnWindow,
    shortWindow: ZBurnWindow,
    budgetShare: z.number().gt(0, "must be more than 0").max(1, "must be at most 1 (the whole budget)"),
  })
  .refine((t) => BURN_WINDOWS[t.shortWindow as keyof typeof BURN_WINDOWS] < BURN_WINDOWS[t.longWindow as keyof typeof BURN_WINDOWS], {
    path: ["shortWindow"],
    message: "must be shorter than the long window",
  });

/**
 * An SLO as a process owner defines it (the form and the API share this schema).
 * `objective` is a percentage, strictly between 0 and 100 (95, 99.9).
 */
export const ZSloInput = z
  .object({
    name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
    process: ZProcessKey,
    version: z.union([ZSemver, z.literal("")]).optional(),
    sli: z.enum(SLI_TYPES, { message: "choose what to measure" }),
    targetSec: z.number().int().optional(),
    objective: z.number({ message: "must be a number" }).gt(0, "must be more than 0%").lt(100, "must be less than 100%"),
    windowDays: z.union(SLO_WINDOW_DAYS.map((d) => z.literal(d)) as [z.ZodLiteral<7>, z.ZodLiteral<28>, z.ZodLiteral<30>], {
      message: "must be 7, 28 or 30 days",
    }),
    tiers: z.array(ZAlertTier).min(1, "keep at least one alert tier").max(8).default([...DEFAULT_TIERS]),
    minBadEvents: z.number().int().min(1, "must be at least 1").max(10_000).default(DEFAULT_MIN_BAD_EVENTS),
  })
  .superRefine((s, ctx) => {
    if (s.sli === "cycle_time" && (s.targetSec === undefined || !CYCLE_TARGET_SECONDS.includes(s.targetSec))) {
      ctx.addIssue({ code: "custom", path: ["targetSec"], message: "choose a cycle-time target" });
    }
    if (s.sli !== "cycle_time" && s.targetSec !== undefined) {
      ctx.addIssue({ code: "custom", path: ["targetSec"], message: "only a cycle-time SLO has a target" });
    }
    if (s.sli === "stuck_ratio" && s.version) {
      ctx.addIssue({ code: "custom", path: ["version"], message: "the stuck ratio is measured across all versions" });
    }
  });
export type TSloInput = z.input<typeof ZSloInput>;
export type TSlo = z.output<typeof ZSloInput>;

/** Per-state stuck thresholds as a process owner edits them, in minutes. */
export const ZThresholdsInput = z.object({
  defaultMinutes: z.number().int().min(1, "must be at least a minute").max(90 * 24 * 60),
  states: z.record(z.string().min(1).max(200), z.number().int().min(1, "must be at least a minute").max(90 * 24 * 60).nullable()),
  reason: z.string().trim().min(3, "say why, in a few words").max(1000),
});
export type TThresholdsInput = z.infer<typeof ZThresholdsInput>;
