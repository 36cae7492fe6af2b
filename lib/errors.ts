/** Error codes of API.md and the HTTP status each maps to. */
export const ERROR_STATUS = {
  unauthorized: 401,
  forbidden: 403,
  invalid_request: 400,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** A zod-style detail: where in the input, and what is wrong there. */
export type Issue = { path: (string | number)[]; message: string; code?: string };

/** The one error type lib/server throws; lib/http maps it to API.md's error shape. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: Issue[],
  ) {
    super(message);
    this.name = "AppError";
  }
}
