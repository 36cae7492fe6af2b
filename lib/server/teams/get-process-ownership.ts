import "server-only";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/server/authorize";
import type { Ctx } from "@/lib/server/context";
import { onCallForTeam } from "@/lib/server/oncall/on-call-for-team";

/** Who owns a process: its team, its process owner, and who is on call for it at `now`. */
export async function getProcessOwnership(ctx: Ctx, input: { key: string }, now = new Date()) {
  authorize(ctx.actor, "teams:read");
  const process = await ctx.db.process.findUnique({
    where: { key: input.key },
    select: { key: true, name: true, team: { select: { id: true, name: true } }, owner: { select: { id: true, name: true, email: true } } },
  });
  if (!process) throw new AppError("not_found", `No process with key ${input.key}.`);
  const onCall = process.team ? await onCallForTeam(ctx.db, process.team.id, now) : null;
  return {
    ...process,
    hasSchedule: onCall?.scheduleId != null,
    onCall: { primary: onCall?.primary ?? null, secondary: onCall?.secondary ?? null },
  };
}
