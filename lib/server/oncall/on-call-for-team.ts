import "server-only";
import { onCallAt } from "@/lib/domain/oncall";
import type { Db } from "@/lib/db";
import type { Tx } from "@/lib/server/context";
import { loadTeamSchedule } from "@/lib/server/oncall/load-schedule";

export type OnCallPerson = { id: string; name: string; email: string; until: Date };
export type TeamOnCall = { scheduleId: string | null; primary: OnCallPerson | null; secondary: OnCallPerson | null };

/** Who is on call for a team at `at`: the primary (level 1) and secondary (level 2) of its schedule. */
export async function onCallForTeam(db: Db | Tx, teamId: string, at: Date): Promise<TeamOnCall> {
  const loaded = await loadTeamSchedule(db, teamId);
  if (!loaded) return { scheduleId: null, primary: null, secondary: null };
  const shifts = [onCallAt(loaded.schedule, 1, at), onCallAt(loaded.schedule, 2, at)];
  const ids = shifts.flatMap((s) => (s ? [s.userId] : []));
  const users = await db.user.findMany({ where: { id: { in: ids }, disabledAt: null }, select: { id: true, name: true, email: true } });
  const person = (i: number): OnCallPerson | null => {
    const shift = shifts[i];
    const user = shift ? users.find((u) => u.id === shift.userId) : undefined;
    return shift && user ? { ...user, until: shift.end } : null;
  };
  return { scheduleId: loaded.id, primary: person(0), secondary: person(1) };
}
