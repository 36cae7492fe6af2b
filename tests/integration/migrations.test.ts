import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { readMigrations } from "@/lib/server/migrations";

describe("migrations", () => {
  it("records every migration in Prisma's bookkeeping table", async () => {
    const db = await getDb();
    const rows = await db.$queryRawUnsafe<{ migration_name: string; checksum: string }[]>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name`,
    );
    expect(rows).toEqual(readMigrations().map((m) => ({ migration_name: m.name, checksum: m.checksum })));
  });
});
