/**
 * The server Playwright tests run against: the production build on a fresh embedded
 * database holding the demo users and one source whose API key is written to
 * <data dir>/e2e-api-key for the tests' factories.
 */
import fs from "node:fs";
import path from "node:path";
import { connect } from "@/lib/db";
import { seedBase } from "@/prisma/seed";
import { hasBuild, startNext, superviseChildren } from "./lib/next-server";

const port = Number(process.env.E2E_PORT ?? 3210);
const dataDir = path.resolve(process.env.E2E_DATA_DIR ?? ".flowdeck-e2e");
fs.rmSync(dataDir, { recursive: true, force: true });

if (!hasBuild()) {
  console.error("e2e: no production build; run `npm run build` first (npm run test:e2e does).");
  process.exit(1);
}

const env = { ...process.env, FLOWDECK_DATA_DIR: dataDir, DATABASE_URL: "", AUTH_SECRET: "e2e-secret-0123456789abcdef", FLOWDECK_RESOLVE_GRACE_SEC: "5" };
process.env.FLOWDECK_DATA_DIR = dataDir;
delete process.env.DATABASE_URL;
const conn = await connect();
const { apiKey } = await seedBase({ actor: { type: "system", name: "e2e" }, db: conn.prisma }, { sourceName: "e2e-engine" });
await conn.close();
fs.writeFileSync(path.join(dataDir, "e2e-api-key"), apiKey!);

superviseChildren([startNext(port, { ...env, NODE_ENV: "production" })]);
