import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/auth/roles";
import type { Scope } from "@/lib/auth/api-key";
import { AppError } from "@/lib/errors";

/** Who is acting: a signed-in user, an engine's API key, or the worker. */
export type Actor =
  | { type: "user"; id: string; email: string; role: Role }
  | { type: "api_key"; keyId: string; sourceId: string; scopes: readonly Scope[] }
  | { type: "system"; name: string };

/** The first argument of every lib/server function: `fn(ctx, input)`. */
export type Ctx = { actor: Actor; db: Db };

/** The client inside `db.$transaction(async (tx) => ...)`. */
export type Tx = Prisma.TransactionClient;

export function actorLabel(actor: Actor): string {
  switch (actor.type) {
    case "user":
      return actor.email;
    case "api_key":
      return `key:${actor.keyId}`;
    case "system":
      return `system:${actor.name}`;
  }
}

/** The source an engine acts for; lib/server functions that serve engines call this. */
export function sourceOf(actor: Actor): string {
  if (actor.type !== "api_key") throw new AppError("forbidden", "Only a source's API key can do this.");
  return actor.sourceId;
}
