import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const TSX = path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");

/** Starts the demo workload as its own process (it speaks only the public API). */
export function startWorkload(options: { url: string; apiKey: string; dataDir: string; seed?: number }): ChildProcess {
  const args = [TSX, path.join("scripts", "demo", "workload.ts"), "--url", options.url, "--data-dir", options.dataDir];
  if (options.seed !== undefined) args.push("--seed", String(options.seed));
  return spawn(process.execPath, args, { stdio: "inherit", env: { ...process.env, FLOWDECK_API_KEY: options.apiKey } });
}
