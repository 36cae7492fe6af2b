import { spawnSync } from "node:child_process";
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

function cli(args: string[], input?: string) {
  const run = spawnSync(process.execPath, [TSX, "--conditions=react-server", "scripts/flowdeck.ts", ...args], {
    env,
    input,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("admin CLI", () => {
  let keyId = "";

  beforeAll(() => {
    const created = cli(["source", "create", `cli-engine-${process.pid}`, "--scopes", "ingest,read"]);
    expect(created.code, created.stderr).toBe(0);
    const lines = created.stdout.trim().split("\n");
    expect(lines.at(-1)).toMatch(/^fdk_[0-9a-f]{12}_[A-Za-z0-9_-]{32}$/);
    keyId = lines.at(-1)!.split("_")[1]!;
  }, 60_000);

  it("lists sources with their keys, never the secret", () => {
    const listed = cli(["source", "list"]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(`cli-engine-${process.pid}`);
    expect(listed.stdout).toContain(`key ${keyId}  ingest,read  active`);
    expect(listed.stdout).not.toMatch(/fdk_/);
  });

  it("sets a webhook with a new secret shown once, and removes it", () => {
    const name = `cli-engine-${process.pid}`;
    const set = cli(["source", "webhook", name, "--url", "https://engine.example.com/flowdeck"]);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout.trim().split("\n").at(-1)).toMatch(/^whsec_[A-Za-z0-9_-]{32}$/);
    expect(cli(["source", "webhook", name, "--url", "ftp://nope"]).stderr).toContain("must be an http(s) URL");
    expect(cli(["source", "webhook", name, "--off"]).stdout).toContain("no longer pushed");
  });

  it("revokes a key once, and says so the second time", () => {
    expect(cli(["key", "revoke", keyId]).stdout).toContain(`Revoked API key ${keyId}`);
    const again = cli(["key", "revoke", keyId]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already revoked");
    expect(cli(["key", "revoke", "000000000000"]).stderr).toContain("No API key with id 000000000000");
  });

  it("creates a user with the password from stdin, and refuses a duplicate", () => {
    const email = `ana.${process.pid}@example.com`;
    const created = cli(["user", "create", email, "--role", "on_call", "--team", "Lending"], "a-long-password\n");
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain(`Created user ${email} (on_call), member of Lending`);
    const again = cli(["user", "create", email, "--role", "on_call"], "a-long-password\n");
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already exists");
  });

  it("explains bad input without a stack trace", () => {
    const badRole = cli(["user", "create", "x@example.com", "--role", "king"], "a-long-password\n");
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toContain("role: must be one of admin, ops_leader, process_owner, on_call, manager");
    expect(badRole.stderr).not.toContain("    at ");
    const shortPassword = cli(["user", "create", "y@example.com", "--role", "admin"], "short\n");
    expect(shortPassword.stderr).toContain("password: must be at least 8 characters");
    const usage = cli(["source", "create"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("Usage: npm run -s flowdeck");
    expect(cli(["frobnicate", "it"]).stderr).toContain("unknown command: frobnicate it");
  });

  it.skipIf(Boolean(process.env.DATABASE_URL))("refuses to open an embedded database a server holds", () => {
    const release = lockDataDir(dataDir); // this test process plays the running server
    try {
      const listed = cli(["source", "list"]);
      expect(listed.code).toBe(1);
      expect(listed.stderr).toContain(`is in use by process ${process.pid}`);
      expect(listed.stderr).not.toContain("    at ");
    } finally {
      release();
    }
  });
});
