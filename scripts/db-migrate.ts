/** Applies prisma/migrations to the configured database (RUNNING.md `npm run db:migrate`). */
import { connect, migratePostgres } from "@/lib/db";
import { env } from "@/lib/env";
import { reportFailure } from "./lib/cli-errors";

async function migrate(): Promise<string> {
  const e = env();
  if (e.DATABASE_URL) {
    const applied = await migratePostgres(e.DATABASE_URL);
    return applied.length ? `Applied ${applied.join(", ")}.` : "PostgreSQL is up to date.";
  }
  // Opening the embedded database migrates it.
  const conn = await connect(e);
  await conn.close();
  return `The embedded database in ${e.FLOWDECK_DATA_DIR} is up to date.`;
}

// A server holding the embedded database, an unreachable PostgreSQL, a bad environment:
// one line on stderr and exit code 1, as the admin CLI does.
process.exitCode = await migrate().then(
  (done) => {
    console.log(done);
    return 0;
  },
  (error: unknown) => reportFailure("db:migrate", error),
);
