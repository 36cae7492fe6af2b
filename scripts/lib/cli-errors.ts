import { z } from "zod";
import { DatabaseLockedError } from "@/lib/db-driver";
import { EnvError } from "@/lib/env";
import { AppError } from "@/lib/errors";

/** A failure of a command-line script that its message explains fully (a cancelled prompt, empty input). */
export class CliError extends Error {}

// Node's and PostgreSQL's codes for "the database cannot be reached or refuses us"
// (pg, used by db:migrate); Prisma reports the same as P1000-P1017.
const UNREACHABLE = new Set(["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ETIMEDOUT", "EAI_AGAIN", "28P01", "28000", "3D000"]);

type Coded = Error & { code?: unknown; meta?: { driverAdapterError?: { cause?: { originalMessage?: unknown } } } };

function isUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = String((error as Coded).code);
  if (UNREACHABLE.has(code) || /^P10(0\d|1[0-7])$/.test(code)) return true;
  if (error instanceof AggregateError) return error.errors.some(isUnreachable); // one error per address tried
  return /ECONNREFUSED|ENOTFOUND|password authentication/.test(error.message);
}

function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error instanceof AggregateError && !error.message) return error.errors.map(messageOf).join("; ");
  if (error.name.startsWith("PrismaClient")) {
    // Prisma's message quotes the calling code first; the database's own words are more useful.
    const original = (error as Coded).meta?.driverAdapterError?.cause?.originalMessage;
    return typeof original === "string" ? original : (error.message.trim().split("\n").at(-1) ?? error.message);
  }
  return error.message;
}

/** What went wrong, in words an operator can act on: never a stack trace. */
export function explainFailure(error: unknown): string {
  if (error instanceof z.ZodError) {
    return `invalid input:\n${error.issues.map((i) => `  ${i.path.join(".") || "value"}: ${i.message}`).join("\n")}`;
  }
  if (error instanceof AppError || error instanceof DatabaseLockedError || error instanceof EnvError || error instanceof CliError) {
    return error.message;
  }
  if (isUnreachable(error)) return `cannot connect to the database: ${messageOf(error)}`;
  return `unexpected error: ${messageOf(error)} (FLOWDECK_DEBUG=1 shows where it happened)`;
}

/**
 * Prints `<script>: <explanation>` on stderr and returns the exit code 1. With
 * FLOWDECK_DEBUG=1 the stack follows. Read from process.env directly: this must work
 * when the environment itself is what lib/env.ts refused.
 */
export function reportFailure(script: string, error: unknown): 1 {
  console.error(`${script}: ${explainFailure(error)}`);
  if (process.env.FLOWDECK_DEBUG === "1") console.error(error);
  return 1;
}
