import { z } from "zod";
import { INCIDENT_TYPES } from "@/lib/domain/detectors";
import { SEVERITIES } from "@/lib/domain/escalation";

export const INCIDENT_STATUSES = ["open", "acknowledged", "resolved"] as const;

/** Filters of GET /api/v1/incidents and the incident list page; "unresolved" is open or acknowledged. */
export const ZIncidentQuery = z.object({
  status: z.enum([...INCIDENT_STATUSES, "unresolved"]).optional(),
  process: z.string().trim().min(1).max(64).optional(),
  type: z.enum(INCIDENT_TYPES).optional(),
  severity: z.enum(SEVERITIES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TIncidentQuery = z.infer<typeof ZIncidentQuery>;

const ZNote = z.string().trim().max(500, "Keep it under 500 characters").optional();

/** Acknowledge, escalate or resolve: an optional note for the timeline. */
export const ZIncidentResponse = z.object({ note: ZNote });
export type TIncidentResponse = z.infer<typeof ZIncidentResponse>;

export const ZReassignIncident = z.object({
  userId: z.string().trim().min(1, "Choose who takes the incident"),
  note: ZNote,
});
export type TReassignIncident = z.infer<typeof ZReassignIncident>;
