import { env } from "@/lib/env";

/**
 * The session signing secret. Outside production a fixed development secret keeps
 * `next dev` and the tests simple; `npm start` refuses to start without AUTH_SECRET.
 */
export function authSecret(): string | undefined {
  const e = env();
  return e.AUTH_SECRET ?? (e.NODE_ENV === "production" ? undefined : "flowdeck-development-secret");
}
