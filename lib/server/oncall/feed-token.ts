import "server-only";
import { randomBytes } from "node:crypto";
import { hashSecret } from "@/lib/auth/api-key";

/** A calendar subscription token: random, URL-safe; only its SHA-256 is stored (a fast hash is enough for 256 random bits). */
export function newFeedToken(): { token: string; hash: string } {
  const token = `fdcal_${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashSecret(token) };
}

export function feedTokenHash(token: string): string {
  return hashSecret(token);
}

export const scheduleFeedPath = (token: string) => `/api/calendar/schedules/${token}`;
export const userFeedPath = (token: string) => `/api/calendar/users/${token}`;
