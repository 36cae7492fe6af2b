import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { parseIntoClientConfig } from "pg-connection-string";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import { lockDataDir, openPglite, pgPoolConfig } from "@/lib/db-driver";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { dataDir, env, type Env } from "@/lib/env";
import { applyMigrations, type SqlRunner } from "@/lib/server/migrations";

/** The one PrismaClient: embedded PGlite when DATABASE_URL is unset, PostgreSQL otherwise. */
export type Db = PrismaClient;

export type Connection = {
  kind: "pglite" | "postgresql";
  prisma: PrismaClient;
  sql: SqlClient;
  close(): Promise<void>;
};

export type SqlQuery = <R = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<R[]>;

/**
 * Plain SQL transactions on the driver underneath Prisma, for the ingestion hot path
 * where Prisma's per-query overhead is most of the cost (docs/benchmarks.md).
 */
export type SqlClient = {
  /** One statement on its own: atomic by itself, no BEGIN/COMMIT round trips. */
  query: SqlQuery;
  transaction<T>(fn: (query: SqlQuery) => Promise<T>): Promise<T>;
};

// A registered symbol: Next.js may bundle this module more than once per process.
const SQL = Symbol.for("flowdeck.sql");

function attachSql(prisma: PrismaClient, sql: SqlClient): void {
  Object.defineProperty(prisma, SQL, { value: sql, enumerable: false });
}

/** The plain-SQL client of the connection `db` belongs to. */
export function sqlOf(db: Db): SqlClient {
  const client = (db as unknown as { [SQL]?: SqlClient })[SQL];
  if (!client) throw new Error("This PrismaClient was not opened by lib/db.ts connect().");
  return client;
}

// Deadlock and serialization failures: the transaction is safe to run again.
const RETRYABLE = new Set(["40P01", "40001"]);
const ATTEMPTS = 3;

function postgresSql(pool: pg.Pool): SqlClient {
  return {
    query: async (sql, params) => (await pool.query(sql, params)).rows,
    async transaction(fn) {
      for (let attempt = 1; ; attempt++) {
        const client = await pool.connect();
        try {
          await client.query("BEGIN");
          const result = await fn(async (sql, params) => (await client.query(sql, params)).rows);
          await client.query("COMMIT");
          client.release();
          return result;
        } catch (error) {
          await client.query("ROLLBACK").then(
            () => client.release(),
            (rollbackError: Error) => client.release(rollbackError), // drops the broken connection
          );
          const code = (error as { code?: string }).code;
          if (attempt >= ATTEMPTS || !code || !RETRYABLE.has(code)) throw error;
        }
      }
    },
  };
}

function pgliteSql(pglite: PGlite): SqlClient {
  // One connection, transactions queued by PGlite's own mutex: no deadlocks to retry.
  return {
    query: async (sql, params) => (await pglite.query(sql, params)).rows as never,
    transaction: (fn) => pglite.transaction((tx) => fn(async (sql, params) => (await tx.query(sql, params)).rows as never)),
  };
}

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
export async function connect(e: Pick<Env, "DATABASE_URL" | "FLOWDECK_DATA_DIR"> = env()): Promise<Connection> {
  if (e.DATABASE_URL) {
    const pool = new pg.Pool(pgPoolConfig(e.DATABASE_URL));
    // An idle connection dropped by the server (restart, failover) must not crash the
    // process; the pool replaces it on next use.
    pool.on("error", (error) => console.error(`PostgreSQL connection lost: ${error.message}`));
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    const sql = postgresSql(pool);
    attachSql(prisma, sql);
    return {
      kind: "postgresql",
      prisma,
      sql,
      close: async () => {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }
  const dir = dataDir(e);
  const release = dir.startsWith("memory://") ? () => {} : lockDataDir(dir);
  try {
    const pglite = await openPglite(dir);
    await applyMigrations(pgliteRunner(pglite));
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    const sql = pgliteSql(pglite);
    attachSql(prisma, sql);
    return {
      kind: "pglite",
      prisma,
      sql,
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
