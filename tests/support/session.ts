import type { Ctx } from "@/lib/server/context";
import { call, type CallOptions } from "./http";

/**
 * Route calls "as a signed-in user". The browser session is next-auth's; outside a
 * Next.js request there are no cookies to read, so getServerSession answers with the
 * user a test signed in. Everything after it is real: lib/auth/session.ts reads the
 * user again from the database, apiRoute authorizes the role, lib/server checks again.
 *
 * A test file opts in with
 *   vi.mock("next-auth", async (original) => (await import("../support/session")).withTestSession(await original()));
 */
const signedIn = { userId: null as string | null };

export function withTestSession<T extends object>(nextAuth: T) {
  return { ...nextAuth, getServerSession: async () => (signedIn.userId ? { user: { id: signedIn.userId } } : null) };
}

type Params = Record<string, string>;
type Handler<P extends Params> = Parameters<typeof call<P>>[0];

/** Calls a route with the session cookie of `ctx`'s user. */
export async function callAs<P extends Params>(ctx: Ctx, handler: Handler<P>, method: string, url: string, options: CallOptions<P> = {}) {
  if (ctx.actor.type !== "user") throw new Error("callAs needs a user");
  signedIn.userId = ctx.actor.id;
  try {
    return await call(handler, method, url, { ...options, headers: { ...options.headers, cookie: "next-auth.session-token=signed-in" } });
  } finally {
    signedIn.userId = null;
  }
}
