import fs from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "prisma", "public", "worker", "next.config.ts", "package-lock.json", "instrumentation.ts"];

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry, { withFileTypes: true })
    .filter((e) => e.name !== "generated" && !e.name.startsWith("."))
    .reduce((max, e) => Math.max(max, newestMtime(path.join(entry, e.name))), 0);
}

/** Whether `.next` is missing or older than any source file it is built from. */
export function buildIsStale(root = process.cwd()): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  return SOURCES.some((s) => newestMtime(path.join(root, s)) > built);
}
