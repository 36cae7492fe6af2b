import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * A unique-constraint violation; lib/server turns it into `conflict`. PostgreSQL's
 * adapter reports it as Prisma's P2002; PGlite's adapter passes the driver's error
 * through with SQLSTATE 23505 as its cause.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code === "P2002";
  if (error instanceof Error && error.name === "DriverAdapterError") {
    const cause = (error as Error & { cause?: { code?: unknown } }).cause;
    return cause?.code === "23505";
  }
  return false;
}
