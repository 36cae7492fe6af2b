import "server-only";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { authorize } from "@/lib/server/authorize";
import type { Ctx } from "@/lib/server/context";
import { isUniqueViolation } from "@/lib/server/prisma-errors";
import { requireTeamMembers } from "@/lib/server/oncall/team-members";
import type { TSchedule } from "@/lib/validation/schedule";

const teamHasOne = () =>
  new AppError("conflict", "The team already has its on-call schedule: edit that one (a team has one schedule, with a primary and a secondary layer).", [
    { path: ["teamId"], message: "already has a schedule" },
  ]);

type Input = TSchedule & ({ id: string; teamId?: undefined } | { id?: undefined; teamId: string });

const layerData = (input: TSchedule) =>
  input.layers.map((l) => ({
    level: l.level,
    members: l.members,
    rotationEvery: l.rotationEvery,
    rotationUnit: l.rotationUnit,
    handoffTime: l.handoffTime,
    startDate: l.startDate,
  }));

/**
 * Creates a team's schedule (with `teamId`; a team has one) or replaces one (with `id`): its name, zone
 * and layers. Layers are replaced as a whole; overrides stay, since they are dated
 * promises people made ("Ana covers Ben on Friday") that a new rotation does not undo.
 */
export async function saveSchedule(ctx: Ctx, input: Input) {
  authorize(ctx.actor, "schedules:manage");
  const layers = layerData(input);
  const after = { name: input.name, timeZone: input.timeZone, layers };
  const onRotation = layers.flatMap((l, i) => l.members.map((userId, j) => ({ userId, path: ["layers", i, "members", j] })));
  try {
    return await ctx.db.$transaction(async (tx) => {
      let id: string;
      let teamId: string;
      if (input.id) {
        const before = await tx.schedule.findUnique({
          where: { id: input.id },
          select: { id: true, teamId: true, name: true, timeZone: true, layers: { orderBy: { level: "asc" }, select: { level: true, members: true, rotationEvery: true, rotationUnit: true, handoffTime: true, startDate: true } } },
        });
        if (!before) throw new AppError("not_found", `No schedule with id ${input.id}.`);
        ({ id, teamId } = before);
        await requireTeamMembers(tx, teamId, onRotation);
        await tx.schedule.update({ where: { id }, data: { name: input.name, timeZone: input.timeZone } });
        await tx.scheduleLayer.deleteMany({ where: { scheduleId: id } });
        await writeAudit(tx, ctx.actor, {
          action: "schedule.update",
          targetType: "schedule",
          targetId: id,
          before: { name: before.name, timeZone: before.timeZone, layers: before.layers },
          after,
        });
      } else {
        const team = await tx.team.findUnique({ where: { id: input.teamId }, select: { id: true } });
        if (!team) throw new AppError("not_found", `No team with id ${input.teamId}.`);
        teamId = team.id;
        await requireTeamMembers(tx, teamId, onRotation);
        id = (await tx.schedule.create({ data: { teamId, name: input.name, timeZone: input.timeZone }, select: { id: true } })).id;
        await writeAudit(tx, ctx.actor, { action: "schedule.create", targetType: "schedule", targetId: id, after: { teamId, ...after } });
      }
      await tx.scheduleLayer.createMany({ data: layers.map((l) => ({ scheduleId: id, ...l })) });
      return { id, teamId, ...after };
    });
  } catch (error) {
    // The unique team_id is the only guard, so two managers creating at once get one schedule.
    throw isUniqueViolation(error) ? teamHasOne() : error;
  }
}
