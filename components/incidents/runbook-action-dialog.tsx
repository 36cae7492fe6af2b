"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { ApiFormError, postJson } from "@/components/api-post";
import { ACTION_COPY } from "@/components/cases/action-copy";
import type { Planned } from "@/components/incidents/types";
import { useInvalidateAfterAction } from "@/components/incidents/use-incidents";
import { ConfirmButtons, FormError, ReasonField } from "@/components/ui/confirm-form";
import { Dialog } from "@/components/ui/dialog";
import { formatCount } from "@/lib/format";
import { TWO_PERSON_THRESHOLD } from "@/lib/validation/command";

type Actionable = Exclude<Planned, { kind: "unavailable" }>;

const SHOWN_IDS = 8;

const cases = (n: number) => `${formatCount(n)} ${n === 1 ? "case" : "cases"}`;

function bulkConfirm(action: Extract<Actionable, { kind: "bulk" }>, needsApproval: boolean): string {
  const verb = ACTION_COPY[action.type].verb;
  const what = `${cases(action.caseIds.length)}${action.toProvider ? ` to ${action.toProvider}` : ""}`;
  return needsApproval ? `Ask for approval to ${verb.toLowerCase()} ${what}` : `${verb} ${what}`;
}

/** What the engine will do, in the words of the case actions (bulk) or the pause control (state). */
function Explain({ action, state }: { action: Actionable; state: string | null }) {
  if (action.kind === "state") {
    return (
      <p className="text-sm text-slate-700">
        {action.type === "pause_starts"
          ? `Engines stop starting ${action.state} for new cases; they hold them before it until you resume. Cases already in ${action.state} are not affected.`
          : `Engines start ${action.state} for new cases again. Cases held before it continue.`}
      </p>
    );
  }
  const ids = action.caseIds;
  return (
    <div className="space-y-2 text-sm text-slate-700">
      <p>{ACTION_COPY[action.type].explain(state)}</p>
      {action.toProvider ? (
        <p>
          Provider to use: <strong>{action.toProvider}</strong>. Cases whose step cannot use it are skipped, each with the reason.
        </p>
      ) : null}
      <p>
        {cases(ids.length)}:{" "}
        {ids.slice(0, SHOWN_IDS).map((id, i) => (
          <span key={id}>
            {i > 0 ? ", " : ""}
            <Link href={`/cases/${encodeURIComponent(id)}`} className="font-mono text-xs hover:underline">
              {id}
            </Link>
          </span>
        ))}
        {ids.length > SHOWN_IDS ? ` and ${formatCount(ids.length - SHOWN_IDS)} more` : ""}
      </p>
    </div>
  );
}

/**
 * Confirms a runbook step's action, pre-filled from the incident: says what will happen,
 * asks why, and sends it once with the incident's id (the server records it on the
 * timeline). The request id is made when the dialog opens, so a double click or a retry
 * is one command.
 */
export function RunbookActionDialog({ incidentId, action, state, already, onClose }: { incidentId: string; action: Actionable; state: string | null; already: number; onClose: () => void }) {
  const [requestId] = useState(() => crypto.randomUUID());
  const [reason, setReason] = useState("");
  const invalidate = useInvalidateAfterAction();
  const mutation = useMutation({
    mutationFn: () =>
      action.kind === "state"
        ? postJson(`/api/v1/processes/${encodeURIComponent(action.processKey)}/commands`, { type: action.type, state: action.state, requestId, reason, incidentId })
        : postJson("/api/v1/bulk-actions", { type: action.type, caseIds: action.caseIds, ...(action.toProvider ? { toProvider: action.toProvider } : {}), requestId, reason, incidentId }),
    onSuccess: async () => {
      await invalidate();
      onClose();
    },
  });
  const error = mutation.error instanceof ApiFormError ? mutation.error : null;
  const reasonError = error?.issues.find((i) => i.path[0] === "reason")?.message;
  const needsApproval = action.kind === "bulk" && action.caseIds.length > TWO_PERSON_THRESHOLD;
  const confirm = action.kind === "state" ? (action.type === "pause_starts" ? "Pause" : "Resume") : bulkConfirm(action, needsApproval);
  return (
    <Dialog open onClose={onClose} title={action.label}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!mutation.isPending) mutation.mutate();
        }}
        className="space-y-4"
      >
        <Explain action={action} state={state} />
        {already > 0 ? (
          <p className="rounded-md bg-amber-50 px-3 py-2 text-sm font-medium text-amber-900">
            {formatCount(already)} of these cases already got this action from this incident. Sending it again sends each of them another command.
          </p>
        ) : null}
        <ReasonField id="runbook-reason" value={reason} onChange={setReason} error={reasonError} />
        {needsApproval ? (
          <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
            More than {TWO_PERSON_THRESHOLD} cases: a second person with on-call or admin rights must approve before it runs. The incident&apos;s timeline shows when they do.
          </p>
        ) : null}
        <FormError message={mutation.error && !reasonError ? (error?.issues[0] ? `${error.issues[0].path.join(".")}: ${error.issues[0].message}` : mutation.error.message) : null} />
        <ConfirmButtons onBack={onClose} disabled={reason.trim().length < 3} pending={mutation.isPending} label={confirm} />
      </form>
    </Dialog>
  );
}
