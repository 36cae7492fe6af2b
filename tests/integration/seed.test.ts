import { beforeEach, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { onCallForTeam } from "@/lib/server/oncall/on-call-for-team";
import { seedBase } from "@/prisma/seed";
import { resetDatabase, systemCtx } from "../support/db";

beforeEach(() => resetDatabase());

it("seeds the demo, and seeding again (a second `npm run demo`) changes nothing", async () => {
  const ctx = await systemCtx();
  await seedBase(ctx, { sourceName: "demo-engine" });
  await seedBase(ctx, { sourceName: "demo-engine", createKey: false });
  const db = await getDb();
  expect(await db.processVersion.count()).toBe(2);
  expect(await db.schedule.count()).toBe(2);
  expect(await db.escalationPolicy.count()).toBe(6);
  const processes = await db.process.findMany({ select: { key: true, ownerId: true, teamId: true, detectors: true } });
  expect(processes.every((p) => p.ownerId && p.teamId)).toBe(true);
  const lending = await db.team.findUniqueOrThrow({ where: { name: "Lending" } });
  const onCall = await onCallForTeam(db, lending.id, new Date());
  expect(onCall.primary?.email).toBe("oncall@flowdeck.local");
  expect(onCall.secondary?.email).toBe("ana@flowdeck.local");
});
