/**
 * Runs once when the server starts: opens the database (creating and migrating the
 * embedded one on first start) so that problems show at start, not on a first request.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServerRuntime } = await import("@/lib/server/runtime");
  await startServerRuntime();
}
