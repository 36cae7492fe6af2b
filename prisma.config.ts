import fs from "node:fs";
import { defineConfig } from "prisma/config";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { openPglite, postgresAdapter } from "./lib/db-driver";
import { dataDir, env } from "./lib/env";

// With this file present the CLI no longer reads .env itself (STACK.md).
if (fs.existsSync(".env")) process.loadEnvFile(".env");

const e = env();
// Embedded mode: schema validation needs a postgres URL; the adapter below is what connects.
if (!e.DATABASE_URL) process.env.DATABASE_URL = "postgresql://embedded@localhost/flowdeck";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: async () =>
    e.DATABASE_URL ? postgresAdapter(e.DATABASE_URL) : new PrismaPGlite(await openPglite(dataDir(e))),
});
