import "server-only";
import { connection } from "@/lib/db";
import { databaseKind, env } from "@/lib/env";
import { JOBS } from "@/worker/jobs";
import { startWorker } from "@/worker/runner";

/** Server start: connect (migrating the embedded database), then start the worker unless it runs elsewhere. */
export async function startServerRuntime(): Promise<void> {
  try {
    const conn = await connection();
    console.log(`Flowdeck: database ready (${databaseKind()}).`);
    if (env().FLOWDECK_WORKER === "on") {
      startWorker(JOBS, { actor: { type: "system", name: "worker" }, db: conn.prisma });
    } else {
      console.log("Flowdeck: worker off (FLOWDECK_WORKER=off); run `npm run worker` beside the server.");
    }
  } catch (error) {
    // The server still starts so /api/health can report the problem.
    console.error(`Flowdeck: the database is not available: ${(error as Error).message}`);
  }
}
