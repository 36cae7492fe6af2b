"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiFormError, postJson } from "@/components/api-post";
import { ACTION_COPY } from "@/components/cases/action-copy";
import type { CaseFilters } from "@/components/cases/filters";
import { caseKeys } from "@/components/cases/keys";
import { ConfirmButtons, FormError, ReasonField } from "@/components/ui/confirm-form";
import { Dialog } from "@/components/ui/dialog";
import type { CaseAction } from "@/lib/domain/actions";
import { formatCount } from "@/lib/format";
import { TWO_PERSON_THRESHOLD } from "@/lib/validation/command";

/** Not `progress`: where a case may move next depends on its own state, so it is chosen case by case. */
const BULK_ACTIONS: CaseAction[] = ["restart_step", "reroute", "compensate", "cancel"];

type Target = { kind: "selected"; caseIds: string[] } | { kind: "filter"; total: number };

/** One action for many cases: the selected ones, or all that match the filters. */
export function BulkBar({ selected, filters, total, providers, onDone }: { selected: string[]; filters: CaseFilters; total: number | undefined; providers: string[]; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [target, setTarget] = useState<Target | null>(null);
  const [action, setAction] = useState<CaseAction>("restart_step");
  const [provider, setProvider] = useState("");
  const [reason, setReason] = useState("");
  const [requestId, setRequestId] = useState("");
  const count = target?.kind === "selected" ? target.caseIds.length : (target?.total ?? 0);
  const mutation = useMutation({
    mutationFn: () =>
      postJson("/api/v1/bulk-actions", {
        type: action,
        requestId,
        reason,
        ...(action === "reroute" ? { toProvider: provider } : {}),
        ...(target?.kind === "selected"
          ? { caseIds: target.caseIds }
          : {
              filter: {
                stuck: filters.stuck ? "true" : undefined,
                process: filters.process,
                state: filters.state,
                provider: filters.provider,
                version: filters.version,
                minInState: filters.minInState,
              },
            }),
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: caseKeys.all });
      setTarget(null);
      onDone();
    },
  });
  const open = (t: Target) => {
    setRequestId(crypto.randomUUID());
    setReason("");
    setProvider(providers[0] ?? "");
    mutation.reset();
    setTarget(t);
  };
  const error = mutation.error instanceof ApiFormError ? mutation.error : null;
  return (
    <div className="flex flex-wrap items-center gap-3 border-b border-slate-200 bg-slate-50 px-4 py-2 text-sm">
      <span className="font-medium">{selected.length > 0 ? `${formatCount(selected.length)} selected` : "Select cases to act on several at once"}</span>
      {selected.length > 0 ? (
        <button type="button" onClick={() => open({ kind: "selected", caseIds: selected })} className="rounded-md bg-slate-900 px-2.5 py-1 font-medium text-white hover:bg-slate-700">
          Act on {formatCount(selected.length)} selected
        </button>
      ) : null}
      {total !== undefined && total > 0 ? (
        <button type="button" onClick={() => open({ kind: "filter", total })} className="rounded-md border border-slate-300 bg-white px-2.5 py-1 font-medium hover:bg-slate-100">
          Act on all {formatCount(total)} matching
        </button>
      ) : null}
      {target ? (
        <Dialog open onClose={() => setTarget(null)} title={`Act on ${formatCount(count)} cases`}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (!mutation.isPending) mutation.mutate();
            }}
            className="space-y-4"
          >
            <div>
              <label htmlFor="bulk-action" className="block text-sm font-medium text-slate-700">
                Action
              </label>
              <select id="bulk-action" value={action} onChange={(e) => setAction(e.target.value as CaseAction)} className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5">
                {BULK_ACTIONS.map((a) => (
                  <option key={a} value={a}>
                    {ACTION_COPY[a].label}
                  </option>
                ))}
              </select>
              <p className="mt-1 text-sm text-slate-600">{ACTION_COPY[action].explain(filters.state ?? null)}</p>
            </div>
            {action === "reroute" ? (
              <div>
                <label htmlFor="bulk-provider" className="block text-sm font-medium text-slate-700">
                  Provider to use
                </label>
                <input id="bulk-provider" list="bulk-providers" value={provider} onChange={(e) => setProvider(e.target.value)} className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5" />
                <datalist id="bulk-providers">
                  {providers.map((p) => (
                    <option key={p} value={p} />
                  ))}
                </datalist>
                <p className="mt-1 text-xs text-slate-600">Cases whose step cannot use it are skipped, each with the reason.</p>
              </div>
            ) : null}
            <ReasonField id="bulk-reason" value={reason} onChange={setReason} />
            {count > TWO_PERSON_THRESHOLD ? (
              <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
                More than {TWO_PERSON_THRESHOLD} cases: a second person with on-call or admin rights must approve before it runs.
              </p>
            ) : null}
            <FormError message={error ? (error.issues[0] ? `${error.issues[0].path.join(".")}: ${error.issues[0].message}` : error.message) : null} />
            <ConfirmButtons
              onBack={() => setTarget(null)}
              disabled={reason.trim().length < 3}
              pending={mutation.isPending}
              label={count > TWO_PERSON_THRESHOLD ? "Ask for approval" : `${ACTION_COPY[action].verb} ${formatCount(count)} cases`}
            />
          </form>
        </Dialog>
      ) : null}
    </div>
  );
}
