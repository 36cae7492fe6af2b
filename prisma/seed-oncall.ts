/**
 * The demo's ownership and on-call: process owners, the manager of both teams, each
 * team's schedule (starting the day before the seed, so the first person of each
 * rotation is on call now: Chen for Lending) and escalation policies. Leaves what
 * exists as it is.
 */
import { DateTime } from "luxon";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_POLICIES, SEVERITIES } from "@/lib/domain/escalation";
import type { Ctx } from "@/lib/server/context";
import { DEMO_DETECTORS, DEMO_MANAGER, DEMO_OWNERS, DEMO_SCHEDULES, DEMO_TEAMS } from "@/prisma/demo-catalog";

export async function seedOnCall(ctx: Ctx, now = new Date()): Promise<void> {
  const db = ctx.db;
  const users = new Map((await db.user.findMany({ select: { id: true, email: true } })).map((u) => [u.email, u.id]));
  const id = (email: string) => {
    const found = users.get(email);
    if (!found) throw new Error(`The demo user ${email} is missing; seed the users first.`);
    return found;
  };
  for (const [key, email] of Object.entries(DEMO_OWNERS)) {
    await db.process.updateMany({ where: { key, ownerId: null }, data: { ownerId: id(email) } });
  }
  for (const [key, settings] of Object.entries(DEMO_DETECTORS)) {
    await db.process.updateMany({ where: { key, detectors: { equals: {} } }, data: { detectors: settings } });
  }
  for (const name of DEMO_TEAMS) {
    const team = await db.team.findUniqueOrThrow({ where: { name }, select: { id: true } });
    await db.membership.upsert({
      where: { teamId_userId: { teamId: team.id, userId: id(DEMO_MANAGER) } },
      create: { teamId: team.id, userId: id(DEMO_MANAGER), role: "manager" },
      update: {},
    });
    for (const severity of SEVERITIES) {
      const policy = DEFAULT_POLICIES[severity];
      await db.escalationPolicy.upsert({
        where: { teamId_severity: { teamId: team.id, severity } },
        create: { teamId: team.id, severity, steps: policy.steps as unknown as Prisma.InputJsonValue, repeat: policy.repeat },
        update: {},
      });
    }
  }
  for (const s of DEMO_SCHEDULES) {
    const team = await db.team.findUniqueOrThrow({ where: { name: s.team }, select: { id: true } });
    if (await db.schedule.findFirst({ where: { teamId: team.id }, select: { id: true } })) continue;
    const startDate = DateTime.fromJSDate(now, { zone: s.timeZone }).minus({ days: 1 }).toISODate()!;
    const layer = (level: number, members: string[]) => ({
      level,
      members: members.map(id),
      rotationEvery: s.rotationEvery,
      rotationUnit: s.rotationUnit,
      handoffTime: s.handoffTime,
      startDate,
    });
    await db.schedule.create({
      data: { teamId: team.id, name: s.name, timeZone: s.timeZone, layers: { create: [layer(1, s.primary), layer(2, s.secondary)] } },
    });
  }
}
