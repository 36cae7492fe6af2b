import { INCIDENT_TYPES, type IncidentType } from "@/lib/domain/detectors";
import { SEVERITIES, type Severity } from "@/lib/domain/escalation";

/** "unresolved" (the default) is open and acknowledged together. */
export const STATUS_FILTERS = ["unresolved", "open", "acknowledged", "resolved", "all"] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/** The incident list's filters as they sit in the page URL (shareable). */
export type IncidentFilters = { status: StatusFilter; process?: string; type?: IncidentType; severity?: Severity };

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined => values.find((v) => v === value);

export function filtersFromParams(params: URLSearchParams): IncidentFilters {
  return {
    status: oneOf(STATUS_FILTERS, params.get("status")) ?? "unresolved",
    process: params.get("process") || undefined,
    type: oneOf(INCIDENT_TYPES, params.get("type")),
    severity: oneOf(SEVERITIES, params.get("severity")),
  };
}

export function filtersToParams(f: IncidentFilters): URLSearchParams {
  const q = new URLSearchParams();
  if (f.status !== "unresolved") q.set("status", f.status);
  for (const k of ["process", "type", "severity"] as const) if (f[k]) q.set(k, f[k]!);
  return q;
}

/** GET /api/v1/incidents takes one status: "unresolved" asks for open and acknowledged separately. */
export function apiQueries(f: IncidentFilters, limit: number): string[] {
  const statuses = f.status === "unresolved" ? ["open", "acknowledged"] : f.status === "all" ? [undefined] : [f.status];
  return statuses.map((status) => {
    const q = filtersToParams({ ...f, status: "unresolved" });
    if (status) q.set("status", status);
    q.set("limit", String(limit));
    return q.toString();
  });
}
