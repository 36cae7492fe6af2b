import { ApiFormError, type FieldIssue } from "@/components/api-post";

/** PUT, POST or DELETE JSON; a refusal carries API.md's code, message and the field issues a form shows. */
export async function sendJson<T>(method: "POST" | "PUT" | "DELETE", url: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiFormError(0, "network", "The server cannot be reached. Nothing was saved; try again.", []);
  }
  const data = (await res.json().catch(() => null)) as { error?: string; message?: string; issues?: FieldIssue[] } | null;
  if (!res.ok) throw new ApiFormError(res.status, data?.error ?? "error", data?.message ?? `The server answered ${res.status}.`, data?.issues ?? []);
  return data as T;
}
