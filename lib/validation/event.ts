import { z } from "zod";
import { EVENT_TYPES, STEP_TYPES, TYPES_WITH_ERROR, TYPES_WITH_STATE } from "@/lib/domain/events";

export const MAX_EVENTS_PER_BATCH = 1000;
export const MAX_BATCH_BYTES = 1024 * 1024;
export const MAX_DATA_BYTES = 16 * 1024;

// semver.org's regular expression for a version (no leading "v").
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

export const ZProcessKey = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "must be 1-64 characters of a-z, 0-9 and '-', starting with a letter or digit");

export const ZSemver = z.string().regex(SEMVER, "must be a semantic version such as 1.4.0");

const ZName = z.string().min(1).max(200);

export const ZEvent = z
  .object({
    id: ZName,
    type: z.enum(EVENT_TYPES),
    caseId: ZName,
    process: ZProcessKey,
    processVersion: ZSemver.optional(),
    at: z.iso.datetime({ offset: true, message: "must be an RFC 3339 timestamp with a zone, e.g. 2026-11-26T10:00:00Z" }),
    state: ZName.optional(),
    provider: ZName.optional(),
    attempt: z.int().min(1).max(1_000_000).optional(),
    idempotencyKey: ZName.optional(),
    error: z.object({ code: ZName, message: z.string().max(4000) }).optional(),
    data: z.record(z.string(), z.unknown()).optional(),
  })
  .superRefine((e, ctx) => {
    if (e.type === "case.started" && !e.processVersion) {
      ctx.addIssue({ code: "custom", path: ["processVersion"], message: "is required on case.started" });
    }
    if (TYPES_WITH_STATE.has(e.type) && !e.state) {
      ctx.addIssue({ code: "custom", path: ["state"], message: `is required on ${e.type}` });
    }
    if (e.attempt !== undefined && !STEP_TYPES.has(e.type)) {
      ctx.addIssue({ code: "custom", path: ["attempt"], message: "is only allowed on step.* events" });
    }
    if (e.error !== undefined && !TYPES_WITH_ERROR.has(e.type)) {
      ctx.addIssue({ code: "custom", path: ["error"], message: "is only allowed on step.failed and case.failed" });
    }
    if (e.data !== undefined && Buffer.byteLength(JSON.stringify(e.data)) > MAX_DATA_BYTES) {
      ctx.addIssue({ code: "custom", path: ["data"], message: "must be at most 16 KiB when serialized" });
    }
  });

export type TEvent = z.infer<typeof ZEvent>;

export const ZEventBatch = z
  .object({
    events: z.array(ZEvent).min(1, "must hold at least one event").max(MAX_EVENTS_PER_BATCH, "must hold at most 1000 events"),
  })
  .superRefine((batch, ctx) => {
    // One case belongs to one process: a batch that says otherwise is refused whole.
    const processOf = new Map<string, string>();
    batch.events.forEach((e, index) => {
      const known = processOf.get(e.caseId);
      if (known === undefined) processOf.set(e.caseId, e.process);
      else if (known !== e.process) {
        ctx.addIssue({
          code: "custom",
          path: ["events", index, "process"],
          message: `case ${e.caseId} belongs to process ${known} earlier in this batch`,
        });
      }
    });
  });

export type TEventBatch = z.infer<typeof ZEventBatch>;
