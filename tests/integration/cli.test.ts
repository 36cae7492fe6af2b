import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lockDataDir } from "@/lib/db-driver";

/**
 * The admin CLI as operators run it (`npm run -s flowdeck -- …`), against a database
 * of its own: a fresh embedded one here, or PostgreSQL when this file runs in the
 * postgres project (DATABASE_URL set by the setup).
 */
const TSX = path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "flowdeck-cli-"));
const env = { ...process.env, FLOWDECK_DATA_DIR: dataDir };

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

type Run = { code: number | null; stdout: string; stderr: string };

/** Runs a script as `npm run` would; asynchronously, so vitest's worker keeps answering its runner. */
function run(script: string, args: string[], input = "", extraEnv: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, "--conditions=react-server", script, ...args], {
      env: { ...env, ...extraEnv },
      timeout: 60_000,
    });
    const out = { stdout: "", stderr: "" };
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (out.stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (out.stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, ...out }));
    child.stdin.end(input);
  });
}

const cli = (args: string[], input?: string) => run("scripts/flowdeck.ts", args, input);
const migrate = (extraEnv: Record<string, string> = {}) => run("scripts/db-migrate.ts", [], undefined, extraEnv);

// Each run starts tsx and opens the database: a few seconds apiece on a busy machine.
describe("admin CLI", { timeout: 120_000 }, () => {
  let keyId = "";

  beforeAll(async () => {
    const created = await cli(["source", "create", `cli-engine-${process.pid}`, "--scopes", "ingest,read"]);
    expect(created.code, created.stderr).toBe(0);
    const lines = created.stdout.trim().split("\n");
    expect(lines.at(-1)).toMatch(/^fdk_[0-9a-f]{12}_[A-Za-z0-9_-]{32}$/);
    keyId = lines.at(-1)!.split("_")[1]!;
  }, 60_000);

  it("lists sources with their keys, never the secret", async () => {
    const listed = await cli(["source", "list"]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(`cli-engine-${process.pid}`);
    expect(listed.stdout).toContain(`key ${keyId}  ingest,read  active`);
    expect(listed.stdout).not.toMatch(/fdk_/);
  });

  it("sets a webhook with a new secret shown once, and removes it", async () => {
    const name = `cli-engine-${process.pid}`;
    const set = await cli(["source", "webhook", name, "--url", "https://engine.example.com/flowdeck"]);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout.trim().split("\n").at(-1)).toMatch(/^whsec_[A-Za-z0-9_-]{32}$/);
    expect((await cli(["source", "webhook", name, "--url", "ftp://nope"])).stderr).toContain("must be an http(s) URL");
    expect((await cli(["source", "webhook", name, "--off"])).stdout).toContain("no longer pushed");
  });

  it("revokes a key once, and says so the second time", async () => {
    expect((await cli(["key", "revoke", keyId])).stdout).toContain(`Revoked API key ${keyId}`);
    const again = await cli(["key", "revoke", keyId]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already revoked");
    expect((await cli(["key", "revoke", "000000000000"])).stderr).toContain("No API key with id 000000000000");
  });

  it("creates a user with the password from stdin, and refuses a duplicate", async () => {
    const email = `ana.${process.pid}@example.com`;
    const created = await cli(["user", "create", email, "--role", "on_call", "--team", "Lending"], "a-long-password\n");
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain(`Created user ${email} (on_call), member of Lending`);
    const again = await cli(["user", "create", email, "--role", "on_call"], "a-long-password\n");
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already exists");
  });

  it("explains bad input without a stack trace", async () => {
    const badRole = await cli(["user", "create", "x@example.com", "--role", "king"], "a-long-password\n");
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toContain("role: must be one of admin, ops_leader, process_owner, on_call, manager");
    expect(badRole.stderr).not.toContain("    at ");
    const shortPassword = await cli(["user", "create", "y@example.com", "--role", "admin"], "short\n");
    expect(shortPassword.stderr).toContain("password: must be at least 8 characters");
    const usage = await cli(["source", "create"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("Usage: npm run -s flowdeck");
    expect((await cli(["frobnicate", "it"])).stderr).toContain("unknown command: frobnicate it");
    const badOption = await cli(["source", "create", "x", "--scope", "ingest"]);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain("Unknown option '--scope'");
    expect(badOption.stderr).not.toContain("    at ");
  });

  it("says so when stdin ends before a password", async () => {
    const eof = await cli(["user", "create", "eof@example.com", "--role", "on_call"], "");
    expect(eof.code).toBe(1);
    expect(eof.stderr.trim()).toBe("flowdeck: no password: stdin was empty (pipe the password in, one line)");
    expect((await cli(["source", "list"])).stdout).toContain("cli-engine-"); // the database is still usable
  });

  it("says it cannot connect when PostgreSQL does not answer", async () => {
    const refused = await run("scripts/flowdeck.ts", ["source", "list"], undefined, { DATABASE_URL: "postgresql://postgres@127.0.0.1:1/none" });
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe("flowdeck: cannot connect to the database: Can't reach database server at 127.0.0.1:1");
  });

  it.skipIf(Boolean(process.env.DATABASE_URL))("refuses to open an embedded database a server holds", async () => {
    const release = lockDataDir(dataDir); // this test process plays the running server
    try {
      const listed = await cli(["source", "list"]);
      expect(listed.code).toBe(1);
      expect(listed.stderr).toContain(`is in use by process ${process.pid}`);
      expect(listed.stderr).not.toContain("    at ");
    } finally {
      release();
    }
  });
});

describe("npm run db:migrate", { timeout: 120_000 }, () => {
  it("reports the configured database up to date", async () => {
    const done = await migrate();
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toMatch(process.env.DATABASE_URL ? /^PostgreSQL is up to date\.$/m : /^The embedded database in .* is up to date\.$/m);
  });

  it.skipIf(Boolean(process.env.DATABASE_URL))("refuses an embedded database a server holds, in one line", async () => {
    const release = lockDataDir(dataDir);
    try {
      const held = await migrate();
      expect(held.code).toBe(1);
      expect(held.stdout).toBe("");
      expect(held.stderr.trim().split("\n")).toEqual([
        `db:migrate: The embedded database in ${dataDir} is in use by process ${process.pid} (a running Flowdeck server?). ` +
          "Stop that process first, or point DATABASE_URL at PostgreSQL.",
      ]);
    } finally {
      release();
    }
  });

  it("says it cannot connect when PostgreSQL does not answer, and shows the stack only with FLOWDECK_DEBUG=1", async () => {
    const url = "postgresql://postgres@127.0.0.1:1/none";
    const refused = await migrate({ DATABASE_URL: url });
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe("db:migrate: cannot connect to the database: connect ECONNREFUSED 127.0.0.1:1");
    const debug = await migrate({ DATABASE_URL: url, FLOWDECK_DEBUG: "1" });
    expect(debug.code).toBe(1);
    expect(debug.stderr).toContain("    at ");
  });

  it("names a bad environment", async () => {
    const bad = await migrate({ DATABASE_URL: "mysql://db/flowdeck" });
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toBe("db:migrate: Invalid environment: DATABASE_URL: must start with postgres:// or postgresql://");
  });
});
