import { z } from "zod";
import { SCOPES } from "@/lib/auth/api-key";

export const ZSourceName = z
  .string()
  .trim()
  .min(1, "is required")
  .max(100, "must be at most 100 characters")
  .regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]*$/, "may contain letters, digits, spaces, '.', '_' and '-'");

export const ZScopes = z.array(z.enum(SCOPES)).min(1, "at least one scope is required");

export const ZCreateSource = z.object({ name: ZSourceName, scopes: ZScopes });
export type TCreateSource = z.infer<typeof ZCreateSource>;

/** "ingest,commands" → ["ingest", "commands"] (the CLI's --scopes flag). */
export function parseScopeList(value: string): string[] {
  return value.split(",").map((s) => s.trim()).filter(Boolean);
}

export const ZWebhookUrl = z
  .url({ protocol: /^https?$/, message: "must be an http(s) URL" })
  .max(2000, "must be at most 2,000 characters");
