"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiFormError, postJson } from "@/components/api-post";
import { ACTION_COPY } from "@/components/cases/action-copy";
import { caseKeys } from "@/components/cases/keys";
import type { CaseDetail } from "@/components/cases/types";
import { ConfirmButtons, FormError, ReasonField } from "@/components/ui/confirm-form";
import { Dialog } from "@/components/ui/dialog";

type Option = CaseDetail["actions"]["allowed"][number];

function newRequestId(): string {
  return crypto.randomUUID();
}

/**
 * Confirms one action: says what will happen, asks why, and sends it once. The request
 * id is made when the dialog opens, so a double click or a retry after a timeout sends
 * the same intent and the server keeps one command.
 */
export function ActionDialog({ caseId, state, option, onClose }: { caseId: string; state: string | null; option: Option; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [requestId] = useState(newRequestId);
  const [reason, setReason] = useState("");
  const [choice, setChoice] = useState(option.action === "reroute" ? option.providers[0] : option.action === "progress" ? option.states[0] : undefined);
  const copy = ACTION_COPY[option.action];
  const mutation = useMutation({
    mutationFn: () =>
      postJson(`/api/v1/cases/${encodeURIComponent(caseId)}/commands`, {
        type: option.action,
        requestId,
        reason,
        ...(option.action === "reroute" ? { toProvider: choice } : {}),
        ...(option.action === "progress" ? { toState: choice } : {}),
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: caseKeys.all });
      onClose();
    },
  });
  const error = mutation.error instanceof ApiFormError ? mutation.error : null;
  const fieldError = (field: string) => error?.issues.find((i) => i.path[0] === field)?.message;

  return (
    <Dialog open onClose={onClose} title={`${copy.label}: ${caseId}`}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!mutation.isPending) mutation.mutate();
        }}
        className="space-y-4"
      >
        <p className="text-sm text-slate-700">{copy.explain(state)}</p>
        {option.action === "restart_step" ? (
          <p className="rounded-md bg-slate-100 px-3 py-2 text-sm">
            Idempotency key:{" "}
            {option.idempotencyKey ? <code className="font-mono text-xs">{option.idempotencyKey}</code> : <span>none (no earlier attempt in this state; the engine starts the step afresh)</span>}
          </p>
        ) : null}
        {option.action === "reroute" || option.action === "progress" ? (
          <div>
            <label htmlFor="action-choice" className="block text-sm font-medium text-slate-700">
              {option.action === "reroute" ? "Provider to use" : "State to move to"}
            </label>
            <select id="action-choice" value={choice} onChange={(e) => setChoice(e.target.value)} className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5">
              {(option.action === "reroute" ? option.providers : option.states).map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
            {fieldError(option.action === "reroute" ? "toProvider" : "toState") ? (
              <p className="mt-1 text-sm text-red-700">{fieldError(option.action === "reroute" ? "toProvider" : "toState")}</p>
            ) : null}
          </div>
        ) : null}
        <ReasonField id="action-reason" value={reason} onChange={setReason} error={fieldError("reason")} />
        <FormError message={mutation.error && !fieldError("reason") && !fieldError("toProvider") && !fieldError("toState") ? mutation.error.message : null} />
        <ConfirmButtons
          onBack={onClose}
          disabled={reason.trim().length < 3}
          pending={mutation.isPending}
          label={`${copy.verb} ${option.action === "reroute" || option.action === "progress" ? `to ${choice}` : ""}`.trim()}
        />
      </form>
    </Dialog>
  );
}
