import { z } from "zod";

const ZInstant = z.iso.datetime({ offset: true, message: "must be an RFC 3339 timestamp with a zone" });

/** Filters of the audit log (page and any future API). */
export const ZAuditQuery = z.object({
  actor: z.string().trim().max(200).optional(),
  action: z.string().trim().max(100).optional(),
  process: z.string().trim().max(64).optional(),
  case: z.string().trim().max(200).optional(),
  from: ZInstant.optional(),
  to: ZInstant.optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;
