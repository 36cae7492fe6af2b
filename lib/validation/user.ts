import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";

export const ZEmail = z.string().trim().toLowerCase().pipe(z.email("must be an email address"));
export const ZPassword = z
  .string()
  .min(8, "must be at least 8 characters")
  .max(200, "must be at most 200 characters");
export const ZTeamName = z.string().trim().min(1, "is required").max(100, "must be at most 100 characters");

export const ZCreateUser = z.object({
  email: ZEmail,
  name: z.string().trim().min(1).max(100).optional(),
  role: z.enum(ROLES, { message: `must be one of ${ROLES.join(", ")}` }),
  team: ZTeamName.optional(),
  password: ZPassword,
});
export type TCreateUser = z.infer<typeof ZCreateUser>;
