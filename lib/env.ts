import path from "node:path";
import { z } from "zod";

/** The one validated reader of process.env (RUNNING.md lists every variable). */
const ZEnv = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  FLOWDECK_DATA_DIR: z.string().min(1).default("./.flowdeck"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  AUTH_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  FLOWDECK_WORKER: z.enum(["on", "off"]).default("on"),
  FLOWDECK_METRICS_TOKEN: z.string().min(16).optional(),
  /** How long an incident's condition must stay clear before it resolves itself (default 10 min). */
  FLOWDECK_RESOLVE_GRACE_SEC: z.coerce.number().int().min(0).max(86_400).default(600),
  /** Where people reach Flowdeck: links in notifications (Slack webhooks) point here. */
  FLOWDECK_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** How many reverse proxies in front of Flowdeck append to X-Forwarded-For (0: clients connect directly). */
  FLOWDECK_TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type Env = z.infer<typeof ZEnv>;

export class EnvError extends Error {}

/** Parses the environment on every call: tests and the CLI change it at run time. */
export function env(): Env {
  const source = Object.fromEntries(
    Object.entries(process.env).filter(([, value]) => value !== undefined && value !== ""),
  );
  const parsed = ZEnv.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid environment: ${problems.join("; ")}`);
  }
  return parsed.data;
}

/** `memory://` keeps the embedded database in memory (tests); anything else is a folder. */
export function dataDir(e: Pick<Env, "FLOWDECK_DATA_DIR"> = env()): string {
  return e.FLOWDECK_DATA_DIR.startsWith("memory://")
    ? e.FLOWDECK_DATA_DIR
    : path.resolve(e.FLOWDECK_DATA_DIR);
}

export function databaseKind(e: Env = env()): "postgresql" | "pglite" {
  return e.DATABASE_URL ? "postgresql" : "pglite";
}

/** The base of links sent out of Flowdeck (notifications), without a trailing slash. */
export function publicUrl(e: Env = env()): string {
  return (e.FLOWDECK_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
}
