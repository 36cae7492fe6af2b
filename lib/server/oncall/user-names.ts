import "server-only";
import type { Db } from "@/lib/db";
import type { Tx } from "@/lib/server/context";

/** Names of the given users by id, for timelines and lists (disabled users keep their name). */
export async function userNames(db: Db | Tx, ids: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

/** The name of a user, or a placeholder that says the user is gone. */
export function nameOf(names: Map<string, string>, id: string): string {
  return names.get(id) ?? "Unknown user";
}
