"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { postJson } from "@/components/api-post";
import { caseKeys } from "@/components/cases/keys";
import { describeCommand } from "@/components/commands/describe-command";
import type { CaseDetail } from "@/components/cases/types";
import { AlertIcon, CheckIcon, ClockIcon, XIcon } from "@/components/ui/icons";
import { formatInstant } from "@/lib/format";

type Command = CaseDetail["commands"][number];

const STATUS: Record<Command["status"], { label: string; className: string; icon: React.ComponentType<{ className?: string }> }> = {
  requested: { label: "Requested", className: "bg-slate-200 text-slate-800", icon: ClockIcon },
  delivered: { label: "Delivered", className: "bg-sky-100 text-sky-900", icon: ClockIcon },
  succeeded: { label: "Succeeded", className: "bg-emerald-100 text-emerald-900", icon: CheckIcon },
  failed: { label: "Failed", className: "bg-red-100 text-red-900", icon: XIcon },
  rejected: { label: "Rejected", className: "bg-red-100 text-red-900", icon: XIcon },
};

function outcomeText(o: Command["outcome"]): string {
  switch (o.kind) {
    case "pending":
      return "Waiting for the engine.";
    case "finished":
      return `Since then the case ${o.status}.`;
    case "moved":
      return `Since then the case moved on to ${o.state ?? "another state"}.`;
    case "unchanged":
      return o.stuck ? "The case has not moved since; it is still stuck." : "The case has not moved since.";
  }
}

function Step({ label, at, done }: { label: string; at: string | null; done: boolean }) {
  return (
    <li className={`flex items-center gap-1 ${done ? "text-slate-900" : "text-slate-400"}`}>
      <span aria-hidden="true">{done ? "●" : "○"}</span>
      {label}
      {at ? <span className="text-xs text-slate-500">{formatInstant(at).slice(11)}</span> : null}
    </li>
  );
}

/** Each command's lifecycle (requested → delivered → answered) and what became of the case. */
export function CommandList({ commands, canAct }: { commands: Command[]; canAct: boolean }) {
  const queryClient = useQueryClient();
  const retry = useMutation({
    mutationFn: (id: string) => postJson(`/api/v1/commands/${id}/retry`, {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.all }),
  });
  return (
    <ul className="divide-y divide-slate-100">
      {[...commands].reverse().map((c) => {
        const { label, className, icon: Icon } = STATUS[c.status];
        const answered = c.status === "succeeded" || c.status === "failed" || c.status === "rejected";
        return (
          <li key={c.id} className="px-4 py-3 text-sm">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium" title={c.type}>
                {describeCommand(c)}
              </span>
              <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ${className}`}>
                <Icon />
                {label}
              </span>
              {c.deadAt ? (
                <span className="inline-flex items-center gap-1 rounded-full bg-red-600 px-2 py-0.5 text-xs font-semibold text-white">
                  <AlertIcon />
                  Delivery gave up
                </span>
              ) : null}
              <span className="text-slate-600">
                by {c.requestedBy} at {formatInstant(c.requestedAt)} UTC
              </span>
            </div>
            <p className="mt-1 text-slate-700">
              <span className="text-slate-500">Why: </span>
              {c.reason}
            </p>
            <ol aria-label="Lifecycle" className="mt-1 flex flex-wrap gap-4">
              <Step label="Requested" at={c.requestedAt} done />
              <Step label={c.attempts > 1 ? `Delivered (${c.attempts} tries)` : "Delivered"} at={c.deliveredAt} done={Boolean(c.deliveredAt)} />
              <Step label={answered ? label : "Answered"} at={c.acknowledgedAt} done={answered} />
            </ol>
            {c.ackMessage ? <p className="mt-1 text-slate-700">Engine: {c.ackMessage}</p> : null}
            {c.lastError ? <p className="mt-1 text-red-800">Last delivery error: {c.lastError}</p> : null}
            <p className="mt-1 font-medium text-slate-800">{outcomeText(c.outcome)}</p>
            {c.deadAt && canAct ? (
              <button type="button" onClick={() => retry.mutate(c.id)} disabled={retry.isPending} className="mt-2 rounded-md border border-slate-300 px-2.5 py-1 text-sm font-medium hover:bg-slate-50">
                Retry delivery
              </button>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
