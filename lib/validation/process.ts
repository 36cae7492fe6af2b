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
  version: ZProcessVersionInput.optional(),
});
export type TDefineProcess = z.infer<typeof ZDefineProcess>;

/** "90", "90s", "5m", "1h", "1d" → seconds. */
export function parseDuration(value: string): number | null {
  const match = /^(\d+)(s|m|h|d)?$/.exec(value.trim());
  if (!match) return null;
  const unit = { s: 1, m: 60, h: 3600, d: 86400 }[match[2] as "s" | "m" | "h" | "d"] ?? 1;
  return Number(match[1]) * unit;
}

const ZInstant = z.iso.datetime({ offset: true, message: "must be an RFC 3339 timestamp with a zone" });

/** Query of GET /api/v1/processes/{key}/backlog: a window and a step (default: last 24 h). */
export const ZBacklogQuery = z
  .object({
    from: ZInstant.optional(),
    to: ZInstant.optional(),
    step: z
      .string()
      .transform((v, ctx) => {
        const seconds = parseDuration(v);
        if (seconds === null || seconds < 60) {
          ctx.addIssue({ code: "custom", message: "must be a duration of at least a minute, e.g. 300, 5m, 1h" });
          return z.NEVER;
        }
        return seconds;
      })
      .optional(),
  })
  .transform((q, ctx) => {
    const to = q.to ? new Date(q.to) : new Date();
    const from = q.from ? new Date(q.from) : new Date(to.getTime() - 24 * 3600 * 1000);
    if (from >= to) ctx.addIssue({ code: "custom", path: ["from"], message: "must be before to" });
    if (to.getTime() - from.getTime() > 92 * 86400 * 1000) {
      ctx.addIssue({ code: "custom", path: ["from"], message: "the window may be at most 92 days" });
    }
    // About 200 points unless a step is given; never more than 2,000.
    const stepSec = q.step ?? Math.max(60, Math.ceil((to.getTime() - from.getTime()) / 1000 / 200 / 60) * 60);
    if ((to.getTime() - from.getTime()) / 1000 / stepSec > 2000) {
      ctx.addIssue({ code: "custom", path: ["step"], message: "gives more than 2,000 points; choose a larger step" });
    }
    return { from, to, stepSec };
  });
export type TBacklogQuery = z.infer<typeof ZBacklogQuery>;
