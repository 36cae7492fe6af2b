/** The case list's filters as they sit in the page URL (shareable) and go to the API. */
export type CaseFilters = {
  stuck: boolean;
  process?: string;
  state?: string;
  provider?: string;
  version?: string;
  minInState?: string;
  sort: "oldest" | "newest";
};

export function filtersFromParams(params: URLSearchParams): CaseFilters {
  const get = (k: string) => params.get(k) || undefined;
  return {
    stuck: params.get("stuck") === "true",
    process: get("process"),
    state: get("state"),
    provider: get("provider"),
    version: get("version"),
    minInState: get("minInState"),
    sort: params.get("sort") === "newest" ? "newest" : "oldest",
  };
}

export function filtersToParams(f: CaseFilters): URLSearchParams {
  const q = new URLSearchParams();
  if (f.stuck) q.set("stuck", "true");
  for (const k of ["process", "state", "provider", "version", "minInState"] as const) if (f[k]) q.set(k, f[k]!);
  if (f.sort !== "oldest") q.set("sort", f.sort);
  return q;
}

/** The API query: the same names; `stuck` only when asked for. */
export function filtersToApiQuery(f: CaseFilters): string {
  const q = filtersToParams(f);
  q.set("sort", f.sort);
  return q.toString();
}
