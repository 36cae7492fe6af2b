import "server-only";
import { AppError, type Issue } from "@/lib/errors";
import type { Tx } from "@/lib/server/context";

/**
 * Refuses users who are not members of the team: a rotation or an override that pages
 * someone outside the team would page a person who does not answer for its processes.
 * `refs` are the user ids with the path of the field that named each.
 */
export async function requireTeamMembers(tx: Tx, teamId: string, refs: { userId: string; path: Issue["path"] }[]): Promise<void> {
  if (refs.length === 0) return;
  const members = await tx.membership.findMany({
    where: { teamId, userId: { in: [...new Set(refs.map((r) => r.userId))] } },
    select: { userId: true },
  });
  const known = new Set(members.map((m) => m.userId));
  const missing = refs.filter((r) => !known.has(r.userId));
  if (missing.length === 0) return;
  const team = await tx.team.findUnique({ where: { id: teamId }, select: { name: true } });
  const issues = missing.map((r) => ({ path: r.path, message: `is not a member of ${team?.name ?? "the team"}` }));
  throw new AppError("invalid_request", `Only members of ${team?.name ?? "the team"} can be on its schedule; add them to the team first.`, issues);
}
