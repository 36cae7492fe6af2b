import "server-only";
import { connection } from "@/lib/db";

const TIMEOUT_MS = 2000;

/** Whether the database answers a trivial query within two seconds. */
export async function checkDatabase(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), TIMEOUT_MS);
  });
  const probe = (async () => {
    const { prisma } = await connection();
    await prisma.$queryRawUnsafe("SELECT 1");
    return true;
  })().catch((error: unknown) => {
    console.error("Health check: the database does not answer", error);
    return false;
  });
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
