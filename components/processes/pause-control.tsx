"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiFormError, postJson } from "@/components/api-post";
import { ConfirmButtons, FormError, ReasonField } from "@/components/ui/confirm-form";
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
            <ReasonField id="pause-reason" value={reason} onChange={setReason} />
            <FormError message={error?.message} />
            <ConfirmButtons onBack={() => setOpen(false)} disabled={reason.trim().length < 3} pending={mutation.isPending} label={paused ? "Resume" : "Pause"} />
          </form>
        </Dialog>
      ) : null}
    </>
  );
}
