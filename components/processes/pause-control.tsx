"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiFormError, postJson } from "@/components/api-post";
import { Dialog } from "@/components/ui/dialog";

/** Pause or resume new starts of one state of a process: a circuit breaker for a failing step. */
export function PauseControl({ process, state, paused }: { process: string; state: string; paused: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [requestId, setRequestId] = useState("");
  const type = paused ? "resume_starts" : "pause_starts";
  const mutation = useMutation({
    mutationFn: () => postJson(`/api/v1/processes/${process}/commands`, { type, state, reason, requestId }),
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });
  const error = mutation.error instanceof ApiFormError ? mutation.error : null;
  return (
    <>
      <button
        type="button"
        onClick={() => {
          setRequestId(crypto.randomUUID());
          setReason("");
          mutation.reset();
          setOpen(true);
        }}
        className="rounded border border-slate-300 px-2 py-0.5 text-xs font-medium hover:bg-slate-50"
      >
        {paused ? `Resume starts of ${state}` : `Pause starts of ${state}`}
      </button>
      {open ? (
        <Dialog open onClose={() => setOpen(false)} title={paused ? `Resume new starts of ${state}` : `Pause new starts of ${state}`}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (!mutation.isPending) mutation.mutate();
            }}
            className="space-y-4"
          >
            <p className="text-sm text-slate-700">
              {paused
                ? `Engines start ${state} for new cases again. Cases held before it continue.`
                : `Engines stop starting ${state} for new cases; they hold them before it until you resume. Cases already in ${state} are not affected.`}
            </p>
            <div>
              <label htmlFor="pause-reason" className="block text-sm font-medium text-slate-700">
                Reason (kept in the audit log)
              </label>
              <textarea id="pause-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
            </div>
            {error ? (
              <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
                {error.message}
              </p>
            ) : null}
            <div className="flex justify-end gap-2">
              <button type="button" onClick={() => setOpen(false)} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium">
                Back
              </button>
              <button type="submit" disabled={mutation.isPending || reason.trim().length < 3} className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50">
                {paused ? "Resume" : "Pause"}
              </button>
            </div>
          </form>
        </Dialog>
      ) : null}
    </>
  );
}
