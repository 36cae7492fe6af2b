import { z } from "zod";
import { ZWebhookUrl } from "@/lib/validation/source";
import { ZTeamName } from "@/lib/validation/user";

export const TEAM_ROLES = ["member", "manager"] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/** Cross-field rules run once every field is valid (they read the parsed values). */
const WHEN_FIELDS_VALID = { when: (payload: { issues: readonly unknown[] }) => payload.issues.length === 0 };

const ZId = z.string().trim().min(1, "is required").max(100);

export const ZTeamMember = z.object({
  userId: ZId,
  role: z.enum(TEAM_ROLES, { message: "must be member or manager" }),
});

/**
 * A team as a manager edits it (form and API). `webhookSecret` is write-only: empty or
 * absent keeps the stored one, a value replaces it; reads only say whether one is set.
 * Removing the webhook URL removes the secret with it.
 */
export const ZTeamInput = z
  .object({
    name: ZTeamName,
    members: z.array(ZTeamMember).max(200, "a team has at most 200 members"),
    webhookUrl: z.union([ZWebhookUrl, z.literal("")]).nullish(),
    webhookSecret: z.union([z.string().min(16, "must be at least 16 characters").max(200, "must be at most 200 characters"), z.literal("")]).optional(),
  })
  .superRefine((team, ctx) => {
    const seen = new Set<string>();
    team.members.forEach((m, i) => {
      if (seen.has(m.userId)) ctx.addIssue({ code: "custom", path: ["members", i, "userId"], message: "is already a member" });
      seen.add(m.userId);
    });
    if (team.webhookSecret && !team.webhookUrl) {
      ctx.addIssue({ code: "custom", path: ["webhookSecret"], message: "needs a webhook URL" });
    }
  }, WHEN_FIELDS_VALID);
export type TTeamInput = z.input<typeof ZTeamInput>;
export type TTeam = z.output<typeof ZTeamInput>;

/** Who owns a process: the owning team and, optionally, the process owner (a member of that team). */
export const ZProcessOwnership = z.object({
  teamId: ZId,
  ownerId: z.union([ZId, z.literal("")]).nullish(),
});
export type TProcessOwnershipInput = z.input<typeof ZProcessOwnership>;
export type TProcessOwnership = z.output<typeof ZProcessOwnership>;
