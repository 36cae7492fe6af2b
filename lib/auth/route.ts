import "server-only";
import type { Action } from "@/lib/auth/permissions";
import { sessionActor } from "@/lib/auth/session";
import { getDb, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { toErrorResponse } from "@/lib/http/respond";
import { authorize } from "@/lib/server/authorize";
import type { Actor, Ctx } from "@/lib/server/context";
import { authenticateApiKey } from "@/lib/server/sources/authenticate-api-key";

type Params = Record<string, string>;
type Handler<P extends Params> = (request: Request, ctx: Ctx & { params: P }) => Promise<Response>;

const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token(?:\.\d+)?=/;

/** An API key from `Authorization: Bearer`, else the signed-in user of the browser session. */
async function authenticate(request: Request, db: Db): Promise<Actor> {
  const header = request.headers.get("authorization");
  if (header) {
    const token = header.match(/^Bearer\s+(\S+)$/i)?.[1];
    const actor = token ? await authenticateApiKey(db, token) : null;
    if (!actor) throw new AppError("unauthorized", "The API key is unknown, revoked or malformed.");
    return actor;
  }
  if (SESSION_COOKIE.test(request.headers.get("cookie") ?? "")) {
    const user = await sessionActor();
    if (user) return { type: "user", id: user.id, email: user.email, role: user.role };
  }
  throw new AppError("unauthorized", "Authentication required: send Authorization: Bearer <API key>, or sign in.");
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
