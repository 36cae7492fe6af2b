/** `npm run worker`: the background jobs as their own process (PostgreSQL deployments). */
import { connect } from "@/lib/db";
import { DatabaseLockedError } from "@/lib/db-driver";
import { env, EnvError } from "@/lib/env";
import { JOBS } from "@/worker/jobs";
import { startWorker } from "@/worker/runner";

try {
  const e = env();
  if (!e.DATABASE_URL) {
    console.warn(
      "worker: no DATABASE_URL, so this is the embedded database; it can only be opened by one process, " +
        "and the server already runs the worker inside it (FLOWDECK_WORKER=on).",
    );
  }
  const conn = await connect(e);
  const worker = startWorker(JOBS, { actor: { type: "system", name: "worker" }, db: conn.prisma });
  const stop = async () => {
    await worker.stop();
    await conn.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (error) {
  if (!(error instanceof DatabaseLockedError || error instanceof EnvError)) throw error;
  console.error(`worker: ${error.message}`);
  process.exit(1);
}
