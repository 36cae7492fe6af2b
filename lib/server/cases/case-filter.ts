import "server-only";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TCaseFilter } from "@/lib/validation/case";

/**
 * The where clause of a case filter. Stuck means open and past the state's threshold
 * at `now` (cases.stuck_after, set for open cases only). The process is always named:
 * all processes when none is asked for, so (process_id, …) indexes serve every query.
 * Null when the named process does not exist (nothing can match).
 */
export async function caseWhere(db: Db, filter: TCaseFilter, now: Date): Promise<Prisma.CaseWhereInput | null> {
  const processes = await db.process.findMany({
    where: filter.process ? { key: filter.process } : {},
    select: { id: true },
  });
  if (processes.length === 0) return null;
  const where: Prisma.CaseWhereInput = { processId: { in: processes.map((p) => p.id) } };
  if (filter.state) where.state = filter.state;
  if (filter.status) where.status = filter.status;
  if (filter.provider) where.provider = filter.provider;
  if (filter.version) where.version = filter.version;
  if (filter.minInState !== undefined) {
    where.stateEnteredAt = { lte: new Date(now.getTime() - filter.minInState * 1000) };
  }
  if (filter.stuck === true) where.stuckAfter = { lt: now };
  if (filter.stuck === false) where.OR = [{ stuckAfter: null }, { stuckAfter: { gte: now } }];
  return where;
}
