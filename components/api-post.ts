import { ApiError } from "@/components/api";

export type FieldIssue = { path: (string | number)[]; message: string };

/** An API error with the field-level issues a form shows beside its inputs. */
export class ApiFormError extends ApiError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly issues: FieldIssue[],
  ) {
    super(status, code, message);
  }
}

export async function postJson<T>(url: string, body: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  } catch {
    throw new ApiFormError(0, "network", "The server cannot be reached. Nothing was sent; try again.", []);
  }
  const data = (await res.json().catch(() => null)) as { error?: string; message?: string; issues?: FieldIssue[] } | null;
  if (!res.ok) throw new ApiFormError(res.status, data?.error ?? "error", data?.message ?? `The server answered ${res.status}.`, data?.issues ?? []);
  return data as T;
}
