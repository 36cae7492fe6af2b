/** Applies prisma/migrations to the configured database (RUNNING.md `npm run db:migrate`). */
import { connect, migratePostgres } from "@/lib/db";
import { env } from "@/lib/env";

const e = env();
if (e.DATABASE_URL) {
  const applied = await migratePostgres(e.DATABASE_URL);
  console.log(applied.length ? `Applied ${applied.join(", ")}.` : "PostgreSQL is up to date.");
} else {
  // Opening the embedded database migrates it.
  const conn = await connect(e);
  await conn.close();
  console.log(`The embedded database in ${e.FLOWDECK_DATA_DIR} is up to date.`);
}
