import { expect } from "vitest";
import { AppError } from "@/lib/errors";

/** Awaits a promise that must fail with an AppError of `code`, and returns the error. */
export async function expectAppError(promise: Promise<unknown>, code: AppError["code"]) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ code });
  return error as AppError;
}
