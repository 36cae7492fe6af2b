import { AppError } from "@/lib/errors";

/** Keyset cursor over (instant, id): opaque to clients, stable under inserts. */
export type Keyset = { at: Date; id: string };

export function encodeCursor(k: Keyset): string {
  return Buffer.from(JSON.stringify([k.at.toISOString(), k.id])).toString("base64url");
}

export function decodeCursor(cursor: string): Keyset {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [unknown, unknown];
    const date = new Date(String(at));
    if (typeof at === "string" && typeof id === "string" && !Number.isNaN(date.getTime())) return { at: date, id };
  } catch {
    // Fall through to the error below: a cursor we did not issue.
  }
  throw new AppError("invalid_request", "The cursor is not one this server issued.", [
    { path: ["cursor"], message: "is invalid" },
  ]);
}
