import type { CaseStatus } from "@/lib/domain/case";
import { AlertIcon, CheckIcon, ClockIcon, PauseIcon, UndoIcon, XIcon } from "@/components/ui/icons";

const STYLE: Record<CaseStatus, { label: string; className: string; icon: React.ComponentType<{ className?: string }> }> = {
  running: { label: "Running", className: "bg-sky-100 text-sky-900", icon: ClockIcon },
  waiting: { label: "Waiting", className: "bg-indigo-100 text-indigo-900", icon: PauseIcon },
  completed: { label: "Completed", className: "bg-emerald-100 text-emerald-900", icon: CheckIcon },
  failed: { label: "Failed", className: "bg-red-100 text-red-900", icon: XIcon },
  compensating: { label: "Compensating", className: "bg-amber-100 text-amber-900", icon: UndoIcon },
  compensated: { label: "Compensated", className: "bg-slate-200 text-slate-800", icon: UndoIcon },
  cancelled: { label: "Cancelled", className: "bg-slate-200 text-slate-800", icon: XIcon },
};

/** Colour and icon and word: readable without colour too. */
export function StatusBadge({ status }: { status: CaseStatus }) {
  const { label, className, icon: Icon } = STYLE[status];
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ${className}`}>
      <Icon />
      {label}
    </span>
  );
}

export function StuckBadge() {
  return (
    <span className="inline-flex items-center gap-1 rounded-full bg-red-600 px-2 py-0.5 text-xs font-semibold text-white">
      <AlertIcon />
      Stuck
    </span>
  );
}
