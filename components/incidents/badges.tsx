import { STATUS_LABEL } from "@/components/incidents/labels";
import type { IncidentRow } from "@/components/incidents/types";
import { AlertIcon, CheckIcon, ClockIcon } from "@/components/ui/icons";
import type { Severity } from "@/lib/domain/escalation";

const SEVERITY_STYLE: Record<Severity, string> = {
  SEV1: "bg-red-700 text-white",
  SEV2: "bg-orange-500 text-white",
  SEV3: "bg-amber-100 text-amber-900 ring-1 ring-inset ring-amber-300",
};

/** SEV1 loudest; the word is always there, so it reads without colour. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  return <span className={`inline-flex items-center whitespace-nowrap rounded px-1.5 py-0.5 font-mono text-xs font-bold ${SEVERITY_STYLE[severity]}`}>{severity}</span>;
}

const STATUS_STYLE: Record<IncidentRow["status"], { className: string; icon: React.ComponentType<{ className?: string }> }> = {
  open: { className: "bg-red-100 text-red-900", icon: AlertIcon },
  acknowledged: { className: "bg-sky-100 text-sky-900", icon: ClockIcon },
  resolved: { className: "bg-emerald-100 text-emerald-900", icon: CheckIcon },
};

export function IncidentStatusBadge({ status }: { status: IncidentRow["status"] }) {
  const { className, icon: Icon } = STATUS_STYLE[status];
  return (
    <span className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ${className}`}>
      <Icon />
      {STATUS_LABEL[status]}
    </span>
  );
}
