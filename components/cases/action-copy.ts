import type { CaseAction } from "@/lib/domain/actions";

/** What each action is called and what it will do, in the words the dialog uses. */
export const ACTION_COPY: Record<CaseAction, { label: string; verb: string; explain: (state: string | null) => string }> = {
  restart_step: {
    label: "Restart step",
    verb: "Restart",
    explain: (state) =>
      `The engine repeats the ${state ?? "current"} step. It reuses the idempotency key of the step's last attempt in this state, if there was one, so a provider that already did the work does not do it twice.`,
  },
  reroute: {
    label: "Reroute",
    verb: "Reroute",
    explain: (state) => `The engine moves the ${state ?? "current"} step to another provider and tries it there.`,
  },
  compensate: {
    label: "Compensate",
    verb: "Compensate",
    explain: () => "The engine runs the case's compensation: it undoes the work done so far. The case ends as compensated.",
  },
  progress: {
    label: "Move to next state",
    verb: "Move",
    explain: (state) => `The engine moves the case out of ${state ?? "its state"} by hand, without finishing the current step.`,
  },
  cancel: {
    label: "Cancel case",
    verb: "Cancel",
    explain: () => "The engine stops the case. Nothing is undone; compensate instead if work must be reversed.",
  },
};
