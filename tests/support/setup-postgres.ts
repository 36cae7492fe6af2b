import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { closeConnection } from "@/lib/db";
import { admin, withDatabase } from "./pg-admin";

const url = process.env.TEST_DATABASE_URL!;
const database = `flowdeck_t_${randomBytes(5).toString("hex")}`;
await admin(url, `CREATE DATABASE ${database} TEMPLATE ${inject("pgTemplate")}`);
process.env.DATABASE_URL = withDatabase(url, database);

afterAll(async () => {
  await closeConnection();
  await admin(url, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
});
