import { z } from "zod";
import { ERROR_STATUS, AppError, type ErrorCode, type Issue } from "@/lib/errors";

export function json(body: unknown, status = 200, headers?: HeadersInit): Response {
  return Response.json(body, { status, headers });
}

export function errorResponse(code: ErrorCode, message: string, issues?: Issue[]): Response {
  return json(issues ? { error: code, message, issues } : { error: code, message }, ERROR_STATUS[code]);
}

export function zodIssues(error: z.ZodError): Issue[] {
  return error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === "symbol" ? String(p) : p)), message: i.message, code: i.code }));
}

/** The one mapping from thrown errors to API.md's error shape. */
export function toErrorResponse(error: unknown): Response {
  if (error instanceof AppError) return errorResponse(error.code, error.message, error.issues);
  if (error instanceof z.ZodError) return errorResponse("invalid_request", "The request is invalid.", zodIssues(error));
  console.error("Unhandled error in a request", error);
  return json({ error: "internal", message: "Something went wrong on our side; nothing was changed." }, 500);
}
