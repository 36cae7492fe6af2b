import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** A single database connection able to run a multi-statement script. */
export type SqlRunner = {
  exec(sql: string): Promise<void>;
  query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
};

export type Migration = { name: string; sql: string; checksum: string };

export function migrationsDir(): string {
  return path.join(/* turbopackIgnore: true */ process.cwd(), "prisma", "migrations");
}

// The turbopackIgnore comments keep Next.js from tracing the whole project into the
// server bundle because of these run-time reads.
export function readMigrations(dir = migrationsDir()): Migration[] {
  const names = fs
    .readdirSync(/* turbopackIgnore: true */ dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const migrations: Migration[] = [];
  for (const name of names) {
    const file = path.join(dir, name, "migration.sql");
    if (!fs.existsSync(/* turbopackIgnore: true */ file)) continue;
    const sql = fs.readFileSync(/* turbopackIgnore: true */ file, "utf8");
    migrations.push({ name, sql, checksum: createHash("sha256").update(sql).digest("hex") });
  }
  return migrations;
}

// Prisma's own bookkeeping table, so `prisma migrate status/deploy` agree with us.
const BOOKKEEPING = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

// Any fixed number: serialises servers and workers that start at the same time.
const ADVISORY_LOCK = 7_316_042_026;

/**
 * Applies pending migrations in order, each in its own transaction, recorded in
 * Prisma's format. Applying in-process avoids the CLI's ~10 s linger (STACK.md).
 * Returns the names applied.
 */
export async function applyMigrations(db: SqlRunner, migrations = readMigrations()): Promise<string[]> {
  await db.query(`SELECT pg_advisory_lock(${ADVISORY_LOCK})`);
  try {
    await db.exec(BOOKKEEPING);
    const rows = await db.query(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((r) => [String(r.migration_name), String(r.checksum)]));
    const applied: string[] = [];
    for (const migration of migrations) {
      const checksum = done.get(migration.name);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          throw new Error(`Migration ${migration.name} was changed after it was applied.`);
        }
        continue;
      }
      await db.exec("BEGIN");
      try {
        await db.exec(migration.sql);
        await db.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await db.exec("COMMIT");
      } catch (error) {
        await db.exec("ROLLBACK");
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
      }
      applied.push(migration.name);
    }
    return applied;
  } finally {
    await db.query(`SELECT pg_advisory_unlock(${ADVISORY_LOCK})`);
  }
}
