import "server-only";
import type { Scope } from "@/lib/auth/api-key";
import { getDb, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { toErrorResponse } from "@/lib/http/respond";
import type { Actor, Ctx } from "@/lib/server/context";
import { authenticateApiKey } from "@/lib/server/sources/authenticate-api-key";

/** Who may call a route: an API key with `scope` (read routes also admit signed-in users). */
export type Access = { scope: Scope };

type Params = Record<string, string>;
type Handler<P extends Params> = (request: Request, ctx: Ctx & { params: P }) => Promise<Response>;

async function authenticate(request: Request, db: Db, access: Access): Promise<Actor> {
  const header = request.headers.get("authorization");
  const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token) {
    throw new AppError("unauthorized", "Authentication required: send Authorization: Bearer <API key>.");
  }
  const actor = await authenticateApiKey(db, token);
  if (!actor || actor.type !== "api_key") throw new AppError("unauthorized", "The API key is unknown or revoked.");
  if (!actor.scopes.includes(access.scope)) {
    throw new AppError("forbidden", `This API key lacks the "${access.scope}" scope.`);
  }
  return actor;
}

/**
 * The one wrapper of API route handlers: authenticates, checks the scope, runs the
 * handler with `ctx`, and maps every error to API.md's error shape.
 */
export function apiRoute<P extends Params = Params>(access: Access, handler: Handler<P>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const db = await getDb();
      const actor = await authenticate(request, db, access);
      return await handler(request, { actor, db, params: await context.params });
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}
