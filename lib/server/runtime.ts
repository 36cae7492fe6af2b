import "server-only";
import { connection } from "@/lib/db";
import { databaseKind } from "@/lib/env";

/** Server start: connect (migrating the embedded database). */
export async function startServerRuntime(): Promise<void> {
  try {
    await connection();
    console.log(`Flowdeck: database ready (${databaseKind()}).`);
  } catch (error) {
    // The server still starts so /api/health can report the problem.
    console.error(`Flowdeck: the database is not available: ${(error as Error).message}`);
  }
}
