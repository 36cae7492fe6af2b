import { z } from "zod";
import { CASE_STATUSES } from "@/lib/domain/case";
import { ZProcessKey } from "@/lib/validation/event";
import { parseDuration } from "@/lib/validation/process";

export const ZCaseId = z.string().min(1).max(200);

const ZBooleanParam = z.enum(["true", "false"], { message: "must be true or false" }).transform((v) => v === "true");

const ZDurationParam = z.string().transform((v, ctx) => {
  const seconds = parseDuration(v);
  if (seconds === null) {
    ctx.addIssue({ code: "custom", message: "must be a duration such as 900, 15m, 2h or 1d" });
    return z.NEVER;
  }
  return seconds;
});

/** The filters of a case list: GET /api/v1/cases and the stuck-cases page share them. */
export const ZCaseFilter = z.object({
  process: ZProcessKey.optional(),
  state: z.string().min(1).max(200).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  stuck: ZBooleanParam.optional(),
  provider: z.string().min(1).max(200).optional(),
  version: z.string().min(1).max(100).optional(),
  /** At least this long in the current state (seconds, or 15m, 2h, 1d). */
  minInState: ZDurationParam.optional(),
});
export type TCaseFilter = z.infer<typeof ZCaseFilter>;

/** Query of GET /api/v1/cases (API.md): newest state entry first unless sort=oldest. */
export const ZListCases = ZCaseFilter.extend({
  sort: z.enum(["newest", "oldest"]).default("newest"),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});
export type TListCases = z.infer<typeof ZListCases>;
