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

/** The GET /api/v1/incidents query of the list's filters ("all" sends no status). */
export function apiQueries(f: IncidentFilters, limit: number): string[] {
  const q = filtersToParams({ ...f, status: "unresolved" });
  if (f.status !== "all") q.set("status", f.status);
  q.set("limit", String(limit));
  return [q.toString()];
}
