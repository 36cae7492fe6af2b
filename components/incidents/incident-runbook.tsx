"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { RunbookActionDialog } from "@/components/incidents/runbook-action-dialog";
import type { IncidentRunbook, Planned } from "@/components/incidents/types";
import type { BulkAction } from "@/components/incidents/use-bulk-action";
import { RunbookView } from "@/components/runbooks/runbook-view";
import { Card } from "@/components/ui/card";
import type { RunbookStep } from "@/lib/domain/runbook";
import { formatCount, formatInstant } from "@/lib/format";

type Actionable = Exclude<Planned, { kind: "unavailable" }>;

/** How many of a bulk plan's cases already got the same action from this incident (not rejected). */
function alreadyRequested(planned: Planned, earlier: BulkAction[]): number {
  if (planned.kind !== "bulk") return 0;
  const done = new Set(earlier.filter((b) => b.type === planned.type && b.status !== "rejected").flatMap((b) => b.items.map((i) => i.caseId)));
  return planned.caseIds.filter((id) => done.has(id)).length;
}

function ActionButton({ planned, canAct, already, onOpen }: { planned: Planned; canAct: boolean; already: number; onOpen: (a: Actionable) => void }) {
  const reason = planned.kind === "unavailable" ? planned.reason : !canAct ? "Only on-call engineers and admins act on cases." : null;
  const danger = planned.kind === "bulk" && (planned.type === "compensate" || planned.type === "cancel");
  const reasonId = useId();
  return (
    <span className="flex max-w-xs flex-col items-end gap-0.5">
      <button
        type="button"
        disabled={reason !== null}
        aria-describedby={reason ? reasonId : undefined}
        onClick={() => (planned.kind === "unavailable" ? undefined : onOpen(planned))}
        className={`whitespace-nowrap rounded-md px-2.5 py-1 text-sm font-medium disabled:cursor-not-allowed disabled:border disabled:border-slate-200 disabled:bg-slate-50 disabled:text-slate-500 ${
          danger ? "border border-red-300 bg-white text-red-800 hover:bg-red-50" : already > 0 ? "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50" : "bg-slate-900 text-white hover:bg-slate-700"
        }`}
      >
        <span aria-hidden="true">⚡ </span>
        {planned.label}
      </button>
      {reason ? (
        <span id={reasonId} className="text-right text-xs text-slate-600">
          {reason}
        </span>
      ) : already > 0 ? (
        <span className="text-right text-xs font-medium text-amber-800">Already requested from this incident for {formatCount(already)} of these cases: see the timeline.</span>
      ) : null}
    </span>
  );
}

/**
 * The incident's runbook with each marked step's concrete action (the affected cases,
 * the alternative provider) as a button that opens its confirmation.
 */
export function IncidentRunbookCard({
  incidentId,
  runbook,
  processKey,
  state,
  canAct,
  canEdit,
  earlier,
}: {
  incidentId: string;
  runbook: IncidentRunbook;
  processKey: string;
  state: string | null;
  canAct: boolean;
  canEdit: boolean;
  earlier: BulkAction[];
}) {
  const [open, setOpen] = useState<Actionable | null>(null);
  // RunbookView hands back the step objects it was given: look their plans up by identity.
  const plans = new Map<RunbookStep, Planned | null>(runbook.sections.flatMap((s) => s.steps.map((step) => [step, step.planned] as const)));
  const provenance = runbook.isDefault ? "built-in runbook" : `version ${runbook.version}${runbook.authorLabel ? ` by ${runbook.authorLabel}` : ""}${runbook.editedAt ? `, ${formatInstant(runbook.editedAt).slice(0, 10)}` : ""}`;
  return (
    <Card
      title={
        <>
          Runbook: {runbook.title} <span className="font-normal text-slate-500">· {provenance}</span>
        </>
      }
      actions={
        canEdit ? (
          <Link href={`/processes/${processKey}/runbooks/${runbook.kind}`} className="text-sm font-medium text-slate-700 underline underline-offset-2 hover:text-slate-900">
            Edit runbook
          </Link>
        ) : null
      }
    >
      <div className="p-4">
        <RunbookView
          sections={runbook.sections}
          layout="stack"
          renderAction={(step) => {
            const planned = plans.get(step);
            return planned ? <ActionButton planned={planned} canAct={canAct} already={alreadyRequested(planned, earlier)} onOpen={setOpen} /> : null;
          }}
        />
      </div>
      {open ? <RunbookActionDialog incidentId={incidentId} action={open} state={state} already={alreadyRequested(open, earlier)} onClose={() => setOpen(null)} /> : null}
    </Card>
  );
}
