import { getDb, type Db } from "@/lib/db";
import type { Actor, Ctx } from "@/lib/server/context";
import { createSource } from "@/lib/server/sources/create-source";
import type { Scope } from "@/lib/auth/api-key";

export const system: Actor = { type: "system", name: "test" };

export async function systemCtx(): Promise<Ctx> {
  return { actor: system, db: await getDb() };
}

let counter = 0;

/** A new source with one key; returns the bearer token. */
export async function createKey(scopes: Scope[] = ["ingest", "commands", "read"]) {
  const ctx = await systemCtx();
  const created = await createSource(ctx, { name: `source-${process.pid}-${++counter}`, scopes });
  return { token: created.apiKey, keyId: created.keyId, sourceId: created.source.id };
}

/** Empties every table but Prisma's bookkeeping, between tests of one file. */
export async function resetDatabase(db?: Db): Promise<void> {
  const client = db ?? (await getDb());
  const tables = await client.$queryRawUnsafe<{ tablename: string }[]>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  );
  await client.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`);
}
