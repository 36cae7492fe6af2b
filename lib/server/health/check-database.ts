import "server-only";
import { connection } from "@/lib/db";

const TIMEOUT_MS = 2000;

export type DatabaseHealth = { ok: boolean; projectionBacklog: number | null };

/**
 * Whether the database answers within two seconds, and how many ingested batches wait
 * for the projector (a growing backlog means the case views are falling behind).
 */
export async function checkDatabase(): Promise<DatabaseHealth> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<DatabaseHealth>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, projectionBacklog: null }), TIMEOUT_MS);
  });
  const probe = (async () => {
    const { prisma } = await connection();
    return { ok: true, projectionBacklog: await prisma.projectionQueue.count() };
  })().catch((error: unknown) => {
    console.error("Health check: the database does not answer", error);
    return { ok: false, projectionBacklog: null };
  });
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
