import "server-only";
import type { Action } from "@/lib/auth/permissions";
import { getDb, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { toErrorResponse } from "@/lib/http/respond";
import type { Actor, Ctx } from "@/lib/server/context";
import { authorize } from "@/lib/server/authorize";
import { authenticateApiKey } from "@/lib/server/sources/authenticate-api-key";

type Params = Record<string, string>;
type Handler<P extends Params> = (request: Request, ctx: Ctx & { params: P }) => Promise<Response>;

async function authenticate(request: Request, db: Db): Promise<Actor> {
  const header = request.headers.get("authorization");
  const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token) {
    throw new AppError("unauthorized", "Authentication required: send Authorization: Bearer <API key>.");
  }
  const actor = await authenticateApiKey(db, token);
  if (!actor) throw new AppError("unauthorized", "The API key is unknown or revoked.");
  return actor;
}

/**
 * The one wrapper of API route handlers: authenticates, authorizes `action` through
 * the permission table, runs the handler with `ctx`, and maps every error to API.md's
 * error shape. The lib/server function the handler calls checks the same table again.
 */
export function apiRoute<P extends Params = Params>(action: Action, handler: Handler<P>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const db = await getDb();
      const actor = await authenticate(request, db);
      authorize(actor, action);
      return await handler(request, { actor, db, params: await context.params });
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}
