/**
 * `npm run demo` (RUNNING.md): builds if needed, migrates and seeds the embedded
 * database, starts the server with its worker and the demo workload beside it, prints
 * the URL and the sign-in users. Ctrl-C stops all of it.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { connect } from "@/lib/db";
import { DatabaseLockedError } from "@/lib/db-driver";
import { dataDir, env } from "@/lib/env";
import { seedBase } from "@/prisma/seed";
import { DEMO_PASSWORD, DEMO_USERS } from "@/prisma/demo-catalog";
import { buildIsStale } from "./lib/build-freshness";
import { runNextBuild, startNext, superviseChildren, waitForHealth } from "./lib/next-server";
import { startWorkload } from "./demo/start-workload";

const { values } = parseArgs({ options: { seed: { type: "string" } } });
const e = env();
if (e.DATABASE_URL) {
  console.error("demo: the demo runs on the embedded database; unset DATABASE_URL (or use npm start).");
  process.exit(1);
}
const dir = dataDir(e);
fs.mkdirSync(dir, { recursive: true });

// A session secret kept beside the data, so sign-ins survive a restart of the demo.
const secretFile = path.join(dir, "auth-secret");
if (!e.AUTH_SECRET && !fs.existsSync(secretFile)) fs.writeFileSync(secretFile, randomBytes(32).toString("base64url"));
const authSecret = e.AUTH_SECRET ?? fs.readFileSync(secretFile, "utf8").trim();

if (buildIsStale()) {
  console.log("demo: building the app (once; about a minute) …");
  await runNextBuild();
}

const keyFile = path.join(dir, "demo-api-key");
try {
  const conn = await connect(e);
  const ctx = { actor: { type: "system" as const, name: "demo" }, db: conn.prisma };
  const hasKey = fs.existsSync(keyFile) && (await conn.prisma.source.count({ where: { name: "demo-engine" } })) > 0;
  const seeded = await seedBase(ctx, { sourceName: "demo-engine", createKey: !hasKey });
  if (seeded.apiKey) fs.writeFileSync(keyFile, seeded.apiKey, { mode: 0o600 });
  await conn.close();
} catch (error) {
  if (error instanceof DatabaseLockedError) {
    console.error(`demo: ${error.message}`);
    process.exit(1);
  }
  throw error;
}

const url = `http://localhost:${e.PORT}`;
const server = startNext(e.PORT, { ...process.env, AUTH_SECRET: authSecret, FLOWDECK_WORKER: "on", NODE_ENV: "production" });
await waitForHealth(url);
const workload = startWorkload({
  url,
  apiKey: fs.readFileSync(keyFile, "utf8").trim(),
  dataDir: dir,
  seed: values.seed === undefined ? undefined : Number(values.seed),
});

console.log(`
Flowdeck is running at ${url}

Sign in with password "${DEMO_PASSWORD}" as:
${DEMO_USERS.map((u) => `  ${u.email.padEnd(26)} ${u.role}${u.team ? ` (team ${u.team})` : ""}`).join("\n")}

Press Ctrl-C to stop.
`);
superviseChildren([server, workload]);
