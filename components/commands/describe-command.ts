import type { CaseAction, StateAction } from "@/lib/domain/actions";

/** What a command asks the engine to do, in a few words (the outbox and the case page say it alike). */
export function describeCommand(c: { type: CaseAction | StateAction; state: string | null; params: unknown }): string {
  const params = (c.params ?? {}) as { toProvider?: string; toState?: string };
  const step = c.state ?? "the current step";
  switch (c.type) {
    case "restart_step":
      return `Restart ${step}`;
    case "reroute":
      return `Reroute ${step} to ${params.toProvider ?? "another provider"}`;
    case "compensate":
      return "Compensate";
    case "progress":
      return `Move on to ${params.toState ?? "the next state"}`;
    case "cancel":
      return "Cancel";
    case "pause_starts":
      return `Pause starts of ${step}`;
    case "resume_starts":
      return `Resume starts of ${step}`;
  }
}
