import type { RunbookAction } from "@/lib/domain/runbook";

/** What each `{{action:…}}` marker does, as a chip and in the editor's help. */
export const ACTION_LABEL: Record<RunbookAction, string> = {
  pause_starts: "Pause new starts",
  resume_starts: "Resume new starts",
  reroute: "Reroute cases",
  compensate: "Compensate cases",
  restart_step: "Restart the step",
  cancel: "Cancel cases",
};
