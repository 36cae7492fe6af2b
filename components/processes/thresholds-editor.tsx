"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiFormError } from "@/components/api-post";
import { ConfirmButtons, FormError, ReasonField } from "@/components/ui/confirm-form";
import { Dialog } from "@/components/ui/dialog";

type Threshold = { state: string; thresholdSec: number; overridden: boolean };

/** A process owner sets how long a case may stay in each state before it counts as stuck. */
export function ThresholdsEditor({ process, defaultSec, thresholds }: { process: string; defaultSec: number; thresholds: Threshold[] }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [defaultMinutes, setDefaultMinutes] = useState(String(defaultSec / 60));
  const [states, setStates] = useState<Record<string, string>>(() => Object.fromEntries(thresholds.map((t) => [t.state, t.overridden ? String(t.thresholdSec / 60) : ""])));
  const [reason, setReason] = useState("");
  const mutation = useMutation({
    mutationFn: async () => {
      const body = {
        defaultMinutes: Number(defaultMinutes),
        states: Object.fromEntries(Object.entries(states).map(([s, v]) => [s, v.trim() === "" ? null : Number(v)])),
        reason,
      };
      const res = await fetch(`/api/v1/processes/${process}/thresholds`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      const data = (await res.json().catch(() => null)) as { message?: string; error?: string; issues?: { path: (string | number)[]; message: string }[] } | null;
      if (!res.ok) throw new ApiFormError(res.status, data?.error ?? "error", data?.message ?? "Not saved.", data?.issues ?? []);
    },
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });
  const issue = (path: string) =>
    mutation.error instanceof ApiFormError ? mutation.error.issues.find((i) => i.path.join(".") === path)?.message : undefined;
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} className="rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium hover:bg-slate-50">
        Edit thresholds
      </button>
      {open ? (
        <Dialog open onClose={() => setOpen(false)} title="Stuck thresholds">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (!mutation.isPending) mutation.mutate();
            }}
            className="space-y-3"
          >
            <p className="text-sm text-slate-700">Minutes a case may stay in a state before it counts as stuck. Leave a state empty to use the default. Open cases are re-checked at once.</p>
            <div>
              <label htmlFor="threshold-default" className="block text-sm font-medium text-slate-700">
                Default (minutes)
              </label>
              <input id="threshold-default" type="number" value={defaultMinutes} onChange={(e) => setDefaultMinutes(e.target.value)} className="mt-1 block w-40 rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
              {issue("defaultMinutes") ? <p className="mt-1 text-sm text-red-700">{issue("defaultMinutes")}</p> : null}
            </div>
            {Object.keys(states).map((state) => (
              <div key={state} className="flex items-center gap-3">
                <label htmlFor={`threshold-${state}`} className="w-40 text-sm font-medium text-slate-700">
                  {state}
                </label>
                <input
                  id={`threshold-${state}`}
                  type="number"
                  placeholder="default"
                  value={states[state]}
                  onChange={(e) => setStates({ ...states, [state]: e.target.value })}
                  className="w-32 rounded-md border border-slate-300 px-2 py-1 text-sm"
                />
                {issue(`states.${state}`) ? <span className="text-sm text-red-700">{issue(`states.${state}`)}</span> : null}
              </div>
            ))}
            <ReasonField id="threshold-reason" value={reason} onChange={setReason} error={issue("reason")} />
            <FormError message={mutation.error && !(mutation.error instanceof ApiFormError && mutation.error.issues.length > 0) ? mutation.error.message : null} />
            <ConfirmButtons onBack={() => setOpen(false)} disabled={reason.trim().length < 3} pending={mutation.isPending} label="Save thresholds" />
          </form>
        </Dialog>
      ) : null}
    </>
  );
}
