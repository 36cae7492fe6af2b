import { z } from "zod";
import { CASE_STATUSES } from "@/lib/domain/case";
import { ZProcessKey } from "@/lib/validation/event";

export const ZCaseId = z.string().min(1).max(200);

const ZBooleanParam = z.enum(["true", "false"], { message: "must be true or false" }).transform((v) => v === "true");

/** Query of GET /api/v1/cases (API.md); the stuck-cases page uses the same filters. */
export const ZListCases = z.object({
  process: ZProcessKey.optional(),
  state: z.string().min(1).max(200).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  stuck: ZBooleanParam.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});
export type TListCases = z.infer<typeof ZListCases>;
