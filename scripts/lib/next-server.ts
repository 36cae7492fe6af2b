import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const NEXT_BIN = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");

export function hasBuild(): boolean {
  return fs.existsSync(path.join(process.cwd(), ".next", "BUILD_ID"));
}

const SERVE = path.join(process.cwd(), "scripts", "serve.mjs");

/** Starts the production server (scripts/serve.mjs: Next behind a Node server) on `port` with `env`; the child shares our stdio. */
export function startNext(port: number, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [SERVE, String(port)], { stdio: "inherit", env });
}

export function runNextBuild(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build exited with ${code}`))));
  });
}

/** Waits until GET /api/health answers 200, or throws after `timeoutMs`. */
export async function waitForHealth(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // Not listening yet: try again below.
    }
    if (Date.now() > deadline) throw new Error(`The server at ${url} did not become healthy in ${timeoutMs / 1000} s.`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** Stops every child on Ctrl-C / SIGTERM and exits when the first one dies. */
export function superviseChildren(children: ChildProcess[]): void {
  let stopping = false;
  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
    setTimeout(() => process.exit(code), 5000).unref();
    Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once("exit", r)) : null))).then(() =>
      process.exit(code),
    );
  };
  process.on("SIGINT", () => stop(0));
  process.on("SIGTERM", () => stop(0));
  for (const child of children) child.on("exit", (code) => stop(code ?? 1));
}
