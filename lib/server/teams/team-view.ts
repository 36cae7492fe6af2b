import "server-only";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/db";
import type { Actor, Tx } from "@/lib/server/context";

/** What a team member looks like everywhere (never a password hash or a feed token hash). */
export const MEMBER_SELECT = {
  role: true,
  user: { select: { id: true, name: true, email: true } },
} as const;

/** Managers first, then by name: the order every team's member list is shown in. */
export function byRoleThenName<T extends { role: string; user: { name: string } }>(a: T, b: T): number {
  if (a.role !== b.role) return a.role === "manager" ? -1 : 1;
  return a.user.name.localeCompare(b.user.name);
}

/** Slack webhook URLs carry their own token: only those who may edit the team see them. */
export function maySeeWebhook(actor: Actor): boolean {
  return actor.type === "system" || (actor.type === "user" && can(actor.role, "teams:manage"));
}

/**
 * One team as the team page and the API show it. The webhook secret is never read:
 * whether one is set is asked of the database as a count.
 */
export async function readTeam(db: Db | Tx, actor: Actor, id: string) {
  const team = await db.team.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      webhookUrl: true,
      createdAt: true,
      memberships: { select: MEMBER_SELECT },
      processes: { orderBy: { key: "asc" }, select: { key: true, name: true, owner: { select: { id: true, name: true } } } },
      schedule: { select: { id: true, name: true, timeZone: true } },
    },
  });
  if (!team) throw new AppError("not_found", `No team with id ${id}.`);
  const withSecret = await db.team.count({ where: { id, webhookSecret: { not: null } } });
  const { webhookUrl, memberships, ...rest } = team;
  return {
    ...rest,
    members: [...memberships].sort(byRoleThenName).map((m) => ({ ...m.user, role: m.role })),
    webhook: {
      configured: webhookUrl !== null,
      url: maySeeWebhook(actor) ? webhookUrl : null,
      hasSecret: withSecret > 0,
    },
  };
}

export type TeamView = Awaited<ReturnType<typeof readTeam>>;
