import type { SloHealth } from "@/lib/domain/slo";
import { AlertIcon, CheckIcon, ClockIcon } from "@/components/ui/icons";

const STYLE: Record<SloHealth | "pending", { label: string; className: string; icon: React.ComponentType<{ className?: string }> }> = {
  ok: { label: "OK", className: "bg-emerald-100 text-emerald-900", icon: CheckIcon },
  warning: { label: "Warning", className: "bg-amber-100 text-amber-900", icon: AlertIcon },
  breaching: { label: "Breaching", className: "bg-red-600 text-white", icon: AlertIcon },
  pending: { label: "Not evaluated yet", className: "bg-slate-100 text-slate-700", icon: ClockIcon },
};

export function HealthBadge({ health }: { health: SloHealth | null }) {
  const { label, className, icon: Icon } = STYLE[health ?? "pending"];
  return (
    <span className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ${className}`}>
      <Icon />
      {label}
    </span>
  );
}

export function FreezeBadge() {
  return (
    <span title="Budget spent or a page alert open: promoting a new version is refused" className="inline-flex items-center gap-1 rounded-full bg-indigo-700 px-2 py-0.5 text-xs font-semibold text-white">
      ❄ Release freeze
    </span>
  );
}
