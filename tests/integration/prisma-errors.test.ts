import { beforeEach, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { isUniqueViolation } from "@/lib/server/prisma-errors";
import { resetDatabase } from "../support/db";

beforeEach(() => resetDatabase());

it("recognises a unique violation from either database's adapter, in and out of a transaction", async () => {
  const db = await getDb();
  await db.team.create({ data: { name: "Lending" } });
  const plain = await db.team.create({ data: { name: "Lending" } }).catch((e: unknown) => e);
  const inTx = await db.$transaction((tx) => tx.team.create({ data: { name: "Lending" } })).catch((e: unknown) => e);
  expect(isUniqueViolation(plain)).toBe(true);
  expect(isUniqueViolation(inTx)).toBe(true);
  const other = await db.team.update({ where: { name: "nope" }, data: { name: "x" } }).catch((e: unknown) => e);
  expect(isUniqueViolation(other)).toBe(false);
});
