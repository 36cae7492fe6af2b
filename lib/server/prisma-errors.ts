import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/** Prisma's unique-constraint violation (P2002); lib/server turns it into `conflict`. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
