import { z } from "zod";
import { CASE_ACTIONS, STATE_ACTIONS } from "@/lib/domain/actions";
import { OUTBOX_VIEWS } from "@/lib/domain/outbox";
import { ZCaseFilter } from "@/lib/validation/case";

/** The client's id for one intent: a double click or a retry sends the same one. */
export const ZRequestId = z.string().min(8, "must be at least 8 characters").max(100).regex(/^[A-Za-z0-9_:-]+$/, "may contain letters, digits, '-', '_' and ':'");

export const ZReason = z.string().trim().min(3, "say why, in a few words").max(1000, "must be at most 1,000 characters");

/** What an action on a case is: the action, its choice (provider or state), why, and the intent's id. */
const ZCaseIntent = z.object({
  type: z.enum(CASE_ACTIONS),
  requestId: ZRequestId,
  reason: ZReason,
  toProvider: z.string().min(1).max(200).optional(),
  toState: z.string().min(1).max(200).optional(),
});

function requireChoice(c: z.infer<typeof ZCaseIntent>, ctx: z.core.$RefinementCtx) {
  if (c.type === "reroute" && !c.toProvider) ctx.addIssue({ code: "custom", path: ["toProvider"], message: "choose the provider to reroute to" });
  if (c.type === "progress" && !c.toState) ctx.addIssue({ code: "custom", path: ["toState"], message: "choose the state to move to" });
}

/** An operator action on one case (POST /api/v1/cases/{caseId}/commands). */
export const ZCaseCommand = ZCaseIntent.superRefine(requireChoice);
export type TCaseCommand = z.infer<typeof ZCaseCommand>;

/** The incident an action was taken from (a runbook step): the action goes on its timeline. */
const ZIncidentId = z.string().min(1).max(100).optional();

/** Pausing or resuming new starts of a process's state (POST /api/v1/processes/{key}/commands). */
export const ZStateCommand = z.object({
  type: z.enum(STATE_ACTIONS),
  state: z.string().min(1).max(200),
  requestId: ZRequestId,
  reason: ZReason,
  incidentId: ZIncidentId,
});
export type TStateCommand = z.infer<typeof ZStateCommand>;

export const ZAck = z.object({
  status: z.enum(["succeeded", "failed", "rejected"]),
  message: z.string().max(2000).optional(),
});
export type TAck = z.infer<typeof ZAck>;

export const ZPullCommands = z.object({ limit: z.coerce.number().int().min(1).max(100).default(100) });

/** More cases than this need a second person's approval before a bulk action runs. */
export const TWO_PERSON_THRESHOLD = 25;
export const MAX_BULK_CASES = 5000;

/** One action over many cases: chosen ones, or all that match a case-list filter. */
export const ZBulkAction = ZCaseIntent.extend({
  caseIds: z.array(z.string().min(1).max(200)).min(1).max(MAX_BULK_CASES).optional(),
  filter: ZCaseFilter.optional(),
  incidentId: ZIncidentId,
}).superRefine((b, ctx) => {
  if (!b.caseIds === !b.filter) ctx.addIssue({ code: "custom", path: ["caseIds"], message: "give either caseIds or a filter" });
  requireChoice(b, ctx);
});
export type TBulkAction = z.infer<typeof ZBulkAction>;

export const ZBulkDecision = z.object({ approve: z.boolean() });

/** Query of GET /api/v1/outbox: one view of the commands on their way to the engines. */
export const ZListOutbox = z.object({
  view: z.enum(OUTBOX_VIEWS, { message: `must be one of ${OUTBOX_VIEWS.join(", ")}` }).default("attention"),
  process: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type TListOutbox = z.infer<typeof ZListOutbox>;
