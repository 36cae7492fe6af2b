import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { parseIntoClientConfig } from "pg-connection-string";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { lockDataDir, openPglite, postgresAdapter } from "@/lib/db-driver";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { dataDir, env, type Env } from "@/lib/env";
import { applyMigrations, type SqlRunner } from "@/lib/server/migrations";

/** The one PrismaClient: embedded PGlite when DATABASE_URL is unset, PostgreSQL otherwise. */
export type Db = PrismaClient;

export type Connection = {
  kind: "pglite" | "postgresql";
  prisma: PrismaClient;
  close(): Promise<void>;
};

export { DatabaseLockedError } from "@/lib/db-driver";

function pgliteRunner(pglite: PGlite): SqlRunner {
  return {
    exec: async (sql) => {
      await pglite.exec(sql);
    },
    query: async (sql, params = []) => (await pglite.query<Record<string, unknown>>(sql, params)).rows,
  };
}

/** Opens a connection; the embedded database is created and migrated on first open. */
export async function connect(e: Env = env()): Promise<Connection> {
  if (e.DATABASE_URL) {
    const prisma = new PrismaClient({ adapter: postgresAdapter(e.DATABASE_URL) });
    return { kind: "postgresql", prisma, close: () => prisma.$disconnect() };
  }
  const dir = dataDir(e);
  const release = dir.startsWith("memory://") ? () => {} : lockDataDir(dir);
  try {
    const pglite = await openPglite(dir);
    await applyMigrations(pgliteRunner(pglite));
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    return {
      kind: "pglite",
      prisma,
      close: async () => {
        await prisma.$disconnect();
        await pglite.close(); // $disconnect does not close PGlite
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** Runs the migrations against PostgreSQL on one dedicated connection. */
export async function migratePostgres(url: string): Promise<string[]> {
  const client = new pg.Client(parseIntoClientConfig(url) as pg.ClientConfig);
  await client.connect();
  try {
    return await applyMigrations({
      exec: async (sql) => {
        await client.query(sql);
      },
      query: async (sql, params = []) => (await client.query(sql, params)).rows,
    });
  } finally {
    await client.end();
  }
}

const globalForDb = globalThis as unknown as { flowdeckConnection?: Promise<Connection> };

/** The process-wide connection (one PrismaClient per process). */
export function connection(): Promise<Connection> {
  globalForDb.flowdeckConnection ??= connect().catch((error: unknown) => {
    globalForDb.flowdeckConnection = undefined;
    throw error;
  });
  return globalForDb.flowdeckConnection;
}

export async function getDb(): Promise<Db> {
  return (await connection()).prisma;
}

export async function closeConnection(): Promise<void> {
  const pending = globalForDb.flowdeckConnection;
  globalForDb.flowdeckConnection = undefined;
  if (pending) await (await pending).close();
}
