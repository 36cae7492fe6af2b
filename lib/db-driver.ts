import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { parseIntoClientConfig } from "pg-connection-string";

// Drivers for the two databases. Kept free of the generated client so that
// prisma.config.ts can load it before `prisma generate` has run.

export class DatabaseLockedError extends Error {}

/** Settings of the pg pool; `idleTimeoutMillis` lets short scripts exit promptly. */
export function pgPoolConfig(url: string): pg.PoolConfig {
  // Discrete fields, not { connectionString }: see STACK.md (shadow database pitfall).
  return { ...(parseIntoClientConfig(url) as pg.PoolConfig), max: 10, idleTimeoutMillis: 1000 };
}

/** The driver adapter factory the app and prisma.config.ts share. */
export function postgresAdapter(url: string): PrismaPg {
  return new PrismaPg(pgPoolConfig(url));
}

export async function openPglite(dir: string): Promise<PGlite> {
  if (dir.startsWith("memory://")) return PGlite.create(dir, pgliteOptions());
  fs.mkdirSync(dir, { recursive: true });
  return PGlite.create(path.join(dir, "pgdata"), pgliteOptions());
}

function pgliteOptions() {
  return {
    // Without this a PGlite left by an unclean stop hangs the next opener on a timer.
    startParams: [...PGlite.defaultStartParams, "-c", "log_startup_progress_interval=0"],
  };
}

const LOCK_FILE = "flowdeck.pid";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** PGlite is one process at a time: claim the data folder or say who holds it. */
export function lockDataDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, LOCK_FILE);
  for (let tries = 0; tries < 2; tries++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
      const release = () => {
        try {
          if (fs.readFileSync(file, "utf8") === String(process.pid)) fs.unlinkSync(file);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(fs.readFileSync(file, "utf8"));
      if (holder && holder !== process.pid && isAlive(holder)) {
        throw new DatabaseLockedError(
          `The embedded database in ${dir} is in use by process ${holder} (a running Flowdeck server?). ` +
            `Stop that process first, or point DATABASE_URL at PostgreSQL.`,
        );
      }
      fs.unlinkSync(file); // stale lock from a process that is gone
    }
  }
  throw new DatabaseLockedError(`Could not lock the embedded database in ${dir}.`);
}
