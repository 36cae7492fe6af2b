import "server-only";
import type { Action } from "@/lib/auth/permissions";
import { sessionActor } from "@/lib/auth/session";
import { getDb, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { toErrorResponse } from "@/lib/http/respond";
import { authorize } from "@/lib/server/authorize";
import type { Actor, Ctx } from "@/lib/server/context";
import { findApiKey } from "@/lib/server/sources/authenticate-api-key";
import { recordKeyUse } from "@/lib/server/sources/record-key-use";

type Params = Record<string, string>;
type Handler<P extends Params> = (request: Request, ctx: Ctx & { params: P }) => Promise<Response>;

const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token(?:\.\d+)?=/;

/** Who calls; for an API key also the key and its last use, recorded once the request succeeds. */
type Caller = { actor: Actor; key?: { id: string; lastUsedAt: Date | null } };

/** An API key from `Authorization: Bearer`, else the signed-in user of the browser session. */
async function authenticate(request: Request, db: Db): Promise<Caller> {
  const header = request.headers.get("authorization");
  if (header) {
    const token = header.match(/^Bearer\s+(\S+)$/i)?.[1];
    const found = token ? await findApiKey(db, token) : null;
    if (!found) throw new AppError("unauthorized", "The API key is unknown, revoked or malformed.");
    return { actor: found.actor, key: { id: found.actor.keyId, lastUsedAt: found.lastUsedAt } };
  }
  if (SESSION_COOKIE.test(request.headers.get("cookie") ?? "")) {
    const user = await sessionActor();
    if (user) return { actor: { type: "user", id: user.id, email: user.email, role: user.role } };
  }
  throw new AppError("unauthorized", "Authentication required: send Authorization: Bearer <API key>, or sign in.");
}

/**
 * The one wrapper of API route handlers: authenticates, authorizes `action` through
 * the permission table, runs the handler with `ctx`, records an API key's use when the
 * answer is a success, and maps every error to API.md's error shape. The lib/server
 * function the handler calls checks the same table again.
 */
export function apiRoute<P extends Params = Params>(action: Action, handler: Handler<P>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const db = await getDb();
      const { actor, key } = await authenticate(request, db);
      authorize(actor, action);
      const response = await handler(request, { actor, db, params: await context.params });
      // A key's last use counts requests that succeeded: an error changes nothing (API.md).
      // The request's own change is made by now, so a failure here must not answer 500.
      if (key && response.ok) {
        await recordKeyUse(db, key).catch((error: unknown) => console.error("Could not record an API key's use", error));
      }
      return response;
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}
