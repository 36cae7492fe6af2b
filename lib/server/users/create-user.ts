import "server-only";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { authorize } from "@/lib/server/authorize";
import type { Ctx } from "@/lib/server/context";
import { isUniqueViolation } from "@/lib/server/prisma-errors";
import type { TCreateUser } from "@/lib/validation/user";

/** "ana.lopez@x.com" → "Ana Lopez": a display name until the user sets one. */
export function nameFromEmail(email: string): string {
  return email
    .split("@")[0]!
    .split(/[._-]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(" ");
}

/** Creates a user; with `team`, also joins it (creating the team when it is new). */
export async function createUser(ctx: Ctx, input: TCreateUser) {
  authorize(ctx.actor, "users:manage");
  const passwordHash = await hashPassword(input.password);
  try {
    return await ctx.db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name ?? nameFromEmail(input.email), role: input.role, passwordHash },
        select: { id: true, email: true, name: true, role: true },
      });
      let team: { id: string; name: string; created: boolean } | null = null;
      if (input.team) {
        const existing = await tx.team.findUnique({ where: { name: input.team }, select: { id: true, name: true } });
        const row = existing ?? (await tx.team.create({ data: { name: input.team }, select: { id: true, name: true } }));
        team = { ...row, created: !existing };
        await tx.membership.create({
          data: { teamId: row.id, userId: user.id, role: input.role === "manager" ? "manager" : "member" },
        });
      }
      await writeAudit(tx, ctx.actor, {
        action: "user.create",
        targetType: "user",
        targetId: user.id,
        after: { email: user.email, role: user.role, team: team?.name ?? null },
      });
      return { user, team };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("conflict", `A user with email ${input.email} already exists.`, [
        { path: ["email"], message: "is already taken" },
      ]);
    }
    throw error;
  }
}
