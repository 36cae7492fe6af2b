import type { IncidentType } from "@/lib/domain/detectors";
import type { IncidentRow, TimelineEntry } from "@/components/incidents/types";

export const TYPE_LABEL: Record<IncidentType, string> = {
  slo_burn: "SLO burn",
  stuck_cases: "Stuck cases",
  dependency_outage: "Dependency outage",
  version_regression: "Version regression",
};

export const STATUS_LABEL: Record<IncidentRow["status"], string> = {
  open: "Open",
  acknowledged: "Acknowledged",
  resolved: "Resolved",
};

export const TIMELINE_LABEL: Record<string, string> = {
  triggered: "Triggered",
  assigned: "Assigned",
  notified: "Notified",
  escalated: "Escalated",
  acknowledged: "Acknowledged",
  reassigned: "Reassigned",
  action: "Action",
  severity: "Severity",
  resolved: "Resolved",
  reopened: "Reopened",
};

/** How many escalation steps have fired: "none yet", "1 step fired", "3 steps fired". */
export function escalationText(level: number): string {
  return level === 0 ? "none yet" : `${level} ${level === 1 ? "step" : "steps"} fired`;
}

/** The bulk action a timeline entry recorded (runbook actions), if any. */
export function bulkActionIdOf(entry: TimelineEntry): string | null {
  const data = entry.data;
  if (data && typeof data === "object" && !Array.isArray(data) && "bulkActionId" in data && typeof data.bulkActionId === "string") return data.bulkActionId;
  return null;
}
