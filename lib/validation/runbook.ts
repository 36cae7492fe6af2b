import { z } from "zod";
import { RUNBOOK_KINDS, runbookProblems } from "@/lib/domain/runbook";

export const ZRunbookKind = z.enum(RUNBOOK_KINDS, { message: `must be one of ${RUNBOOK_KINDS.join(", ")}` });

const ZVersion = z.number().int().min(0).max(1_000_000);

/**
 * A runbook as its owner saves it (the editor and the API share this schema). Each of
 * runbookProblems' findings becomes an issue on `body`. `baseVersion` is the version the
 * edit started from: when someone saved a newer one meanwhile, the save is refused.
 */
export const ZRunbookInput = z.object({
  body: z.string({ message: "is required" }).superRefine((body, ctx) => {
    for (const message of runbookProblems(body)) ctx.addIssue({ code: "custom", message });
  }),
  baseVersion: ZVersion.optional(),
  /** The older version this save restores, for the audit log. */
  restoredFrom: ZVersion.optional(),
});
export type TRunbookInput = z.input<typeof ZRunbookInput>;
export type TRunbook = z.output<typeof ZRunbookInput>;

/** `?version=N` of GET /api/v1/processes/{key}/runbooks/{kind}; 0 is the built-in default. */
export const ZRunbookVersionQuery = z.object({
  version: z.coerce.number({ message: "must be a whole number" }).pipe(ZVersion).optional(),
});
