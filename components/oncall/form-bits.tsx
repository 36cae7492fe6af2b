"use client";

import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { ApiFormError } from "@/components/api-post";

export const INPUT = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm aria-[invalid=true]:border-red-500";
export const LABEL = "block text-sm font-medium text-slate-700";
export const PRIMARY_BUTTON = "rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-50";
export const SECONDARY_BUTTON = "rounded-md border border-slate-300 px-2.5 py-1 text-sm font-medium hover:bg-slate-50 disabled:opacity-50";

export function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="mt-1 text-sm text-red-700">
      {message}
    </p>
  ) : null;
}

/** Puts a refused save's field issues on the fields they name, and its message on the form. */
export function showServerError<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>): void {
  if (error instanceof ApiFormError) {
    for (const issue of error.issues) setError(issue.path.join(".") as Path<T>, { message: issue.message });
  }
  setError("root", { message: error instanceof Error ? error.message : "Not saved." });
}
