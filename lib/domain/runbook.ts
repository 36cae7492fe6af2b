/**
 * Runbooks (PRODUCT.md "Runbooks"): markdown with Detect / Diagnose / Mitigate /
 * Rollback sections whose steps may carry an `{{action:…}}` marker, and the concrete
 * one-click action such a marker becomes in an incident's context. Pure.
 */
import type { IncidentType } from "@/lib/domain/detectors";

export const RUNBOOK_KINDS = ["dependency_outage", "stuck_cases", "version_regression"] as const;
export type RunbookKind = (typeof RUNBOOK_KINDS)[number];

export const RUNBOOK_TITLES: Record<RunbookKind, string> = {
  dependency_outage: "External dependency outage",
  stuck_cases: "Stuck or long-running cases",
  version_regression: "Version or rule change gone wrong",
};

export const RUNBOOK_SECTIONS = ["Detect", "Diagnose", "Mitigate", "Rollback"] as const;

/** Markers a runbook step may carry: `{{action:reroute}}` etc. */
export const RUNBOOK_ACTIONS = ["pause_starts", "resume_starts", "reroute", "compensate", "restart_step", "cancel"] as const;
export type RunbookAction = (typeof RUNBOOK_ACTIONS)[number];

export const RUNBOOK_MAX_LENGTH = 20_000;

export function isRunbookKind(value: string): value is RunbookKind {
  return (RUNBOOK_KINDS as readonly string[]).includes(value);
}

function isRunbookAction(value: string): value is RunbookAction {
  return (RUNBOOK_ACTIONS as readonly string[]).includes(value);
}

// --- the built-in runbooks -------------------------------------------------------------

const OUTAGE = `## Detect
- The outage detector opened this incident: one provider (or step) failed more attempts than the process allows in its outage window (its incident thresholds on the process page; by default 20 failures that are at least half of the attempts in 5 minutes). The incident summary gives the numbers.
- One provider failing while the other providers of the same step succeed is an outage on their side, not a bug in the process.

## Diagnose
- Open the affected cases: they should sit in one step on one provider. Failures spread over several steps point at our side (network, credentials, a deploy).
- Read the error codes of the failed attempts: \`timeout\` and 5xx mean the provider is down or slow; 4xx means it refuses what we send, and rerouting will not help.
- Compare the provider's success ratio over the last hour with its alternative's: reroute only to a provider that is healthy **now**.
- Check the provider's status page, and note on the incident what you found and when.

## Mitigate
- {{action:pause_starts}} Pause new starts of the failing step, so no new case queues up behind the outage; cases already in the step are not touched.
- {{action:reroute}} Reroute the in-flight cases to the alternative provider: each one retries the step there, and the dead provider stops holding them.

## Rollback
- {{action:compensate}} Compensate the failed cases left with partial work (a reserved amount, a request half sent), so none stays half-done.
- {{action:resume_starts}} Resume new starts once the provider's success ratio has been back to normal for 15 minutes; watch the first cases go through.
- Leave the incident open: it resolves by itself once failed attempts stay below the threshold for the grace period.
`;

const STUCK = `## Detect
- Opened by the stuck detector (by default more than 10 open cases past their state's stuck threshold, SEV2 above 30; tunable on the process page) or by a stuck-ratio SLO burning its error budget.
- First check the threshold still fits: if a state's normal duration changed, fix the threshold on the process page instead of touching cases.

## Diagnose
- Group the stuck cases by state: one state holding most of them is where to look.
- Waiting on input (an approval, a document): check who holds the task and whether they were told; restarting does not help a human who is away.
- Waiting on a provider: the last attempt got no answer. Many cases on one provider at once is an outage; switch to that runbook.
- Erroring: the last attempts failed with the same error code. Read it before restarting; a restart sends the same request again.

## Mitigate
- Progress a case by hand only when its outcome is known (the approval was given elsewhere): from the case page, one case at a time, with the reason.
- {{action:restart_step}} Restart the current step of the stuck cases with the same idempotency key, so a provider that already did the work does not do it twice.

## Rollback
- A restart with the same idempotency key needs no undo. If restarted cases get stuck again, stop restarting: they need a fix, so hand them to the owning team.
- Prevent the next pile-up: give provider calls a timeout, and human approvals an escalation that reassigns them before they count as stuck.
`;

const REGRESSION = `## Detect
- The regression detector opened this incident: cases on the newest version fail significantly more often than on the previous version since the change (two-proportion test, minimum sample reached).
- Find what changed with it: the version's release notes, and any rule or feature flag switched at the same time.

## Diagnose
- Compare failed cases on the new version with the previous one: the same step and error code on the new version only is the change.
- Look for incompatible cases: cases started under the old version's data or rules that the new version cannot handle.
- Decide early: a change that fails most cases gets worse with every new start, and rolling back is cheaper than repairing cases.

## Mitigate
- {{action:restart_step}} Restart the failed step of the cases that can run again, once the fix or the rollback is in place.
- {{action:cancel}} Cancel the cases that cannot complete on this version, so they stop holding work and can be started again.
- Mark a case resolved by hand, from its case page, when its outcome was reached another way.

## Rollback
- Turn off the rule's feature flag (its kill switch), or roll routing of new starts back to the previous version.
- {{action:compensate}} Compensate the cases the new version left with partial work.
- Keep the incident open until the new version's failure rate is back to the previous version's.
`;

/** The three built-in runbooks of PRODUCT.md; a process uses them until its owner saves its own. */
export const DEFAULT_RUNBOOKS: Record<RunbookKind, string> = {
  dependency_outage: OUTAGE,
  stuck_cases: STUCK,
  version_regression: REGRESSION,
};

/** One form of a body to store and compare: \n line ends, no trailing blank space, one final newline. */
export function normalizeRunbook(markdown: string): string {
  return `${markdown.replace(/\r\n?/g, "\n").replace(/\s+$/, "")}\n`;
}

// --- parsing ---------------------------------------------------------------------------

export type RunbookStep = { text: string; action: RunbookAction | null }; // text without the marker
export type RunbookSection = { title: string; steps: RunbookStep[] };

const MARKER = /\{\{\s*action\s*:\s*([^}]*?)\s*\}\}/g;
const HEADING = /^##\s+(.*)$/;
const ITEM = /^(?:[-*+]|\d+[.)])\s+/;

/** A step's text without its known markers, and its first known action. Unknown markers stay in the text. */
function parseStep(line: string): RunbookStep {
  let action: RunbookAction | null = null;
  const text = line
    .replace(ITEM, "")
    .replace(MARKER, (marker, name: string) => {
      if (!isRunbookAction(name)) return marker;
      action ??= name;
      return " ";
    })
    .replace(/\s+/g, " ")
    .trim();
  return { text, action };
}

/** Sections by "## " heading (any heading text kept; text before the first heading becomes an untitled section); "- ", "* " and "1. " items are steps; other non-empty lines are steps too. */
export function parseRunbook(markdown: string): RunbookSection[] {
  const sections: RunbookSection[] = [];
  let current: RunbookSection | null = null;
  for (const raw of markdown.split(/\r\n?|\n/)) {
    const line = raw.trim();
    const heading = HEADING.exec(line);
    if (heading) {
      current = { title: heading[1]!.replace(/\s*#+\s*$/, "").trim(), steps: [] };
      sections.push(current);
      continue;
    }
    if (line === "") continue;
    if (!current) {
      current = { title: "", steps: [] };
      sections.push(current);
    }
    const step = parseStep(line.replace(/^#{1,6}\s+/, ""));
    if (step.text !== "" || step.action) current.steps.push(step);
  }
  return sections;
}

/** The required section a heading opens ("Mitigate (stop the bleeding)" → Mitigate), if any. */
function requiredSection(title: string): (typeof RUNBOOK_SECTIONS)[number] | null {
  return RUNBOOK_SECTIONS.find((s) => new RegExp(`^${s}\\b`, "i").test(title)) ?? null;
}

/** For the editor and the server: missing one of the four sections, unknown {{action:…}} markers, empty, or longer than 20,000 characters. [] = valid. */
export function runbookProblems(markdown: string): string[] {
  if (markdown.trim() === "") return ["The runbook is empty: write its Detect, Diagnose, Mitigate and Rollback sections."];
  const problems: string[] = [];
  if (markdown.length > RUNBOOK_MAX_LENGTH) {
    problems.push(`The runbook is ${markdown.length.toLocaleString("en-US")} characters long; keep it to ${RUNBOOK_MAX_LENGTH.toLocaleString("en-US")}.`);
  }
  const sections = parseRunbook(markdown);
  for (const name of RUNBOOK_SECTIONS) {
    const found = sections.filter((s) => requiredSection(s.title) === name);
    if (found.length === 0) problems.push(`The "## ${name}" section is missing.`);
    else if (found.every((s) => s.steps.length === 0)) problems.push(`The "## ${name}" section has no steps.`);
  }
  const unknown = new Set<string>();
  for (const [marker, name] of markdown.matchAll(MARKER)) if (!isRunbookAction(name!)) unknown.add(marker);
  for (const marker of unknown) problems.push(`${marker} is not an action; use one of ${RUNBOOK_ACTIONS.map((a) => `{{action:${a}}}`).join(", ")}.`);
  for (const line of markdown.split(/\r\n?|\n/)) {
    const known = [...line.matchAll(MARKER)].filter(([, name]) => isRunbookAction(name!));
    if (known.length > 1) problems.push(`A step carries ${known.length} actions (${known.map(([m]) => m).join(", ")}); give each action its own step.`);
  }
  return problems;
}

// --- which runbook, which action -------------------------------------------------------

/** Which runbook an incident carries: the outage, stuck and regression ones by type; an SLO burn by its SLI: cycle_time and stuck_ratio → stuck_cases, the others → dependency_outage. */
export function runbookKindFor(type: IncidentType, sli?: string | null): RunbookKind {
  if (type !== "slo_burn") return type;
  return sli === "cycle_time" || sli === "stuck_ratio" ? "stuck_cases" : "dependency_outage";
}

export type ActionContext = {
  processKey: string;
  state: string | null; // the failing / affected step (outage)
  provider: string | null; // the failing provider (outage)
  alternatives: string[]; // alternative providers of that state in the graph
  pausedStates: string[]; // states whose new starts are paused now
  inFlightCaseIds: string[]; // open cases in that state on that provider
  partialWorkCaseIds: string[]; // failed, not compensated, cases left with partial work
  stuckCaseIds: string[];
  failedOnVersionCaseIds: string[]; // finished failed on the new version (compensate)
  erroringOnVersionCaseIds: string[]; // open on the new version, their last step failed (restart, cancel)
};

export type BulkType = "reroute" | "compensate" | "restart_step" | "cancel";

export type PlannedAction =
  | { kind: "state"; type: "pause_starts" | "resume_starts"; processKey: string; state: string; label: string }
  | { kind: "bulk"; type: BulkType; caseIds: string[]; toProvider?: string; label: string }
  | { kind: "unavailable"; label: string; reason: string };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The cases a bulk action of this runbook acts on, how to name them, and why there may be none. */
function caseSet(kind: RunbookKind, type: BulkType, ctx: ActionContext): { ids: string[]; noun: (n: number) => string; none: string } {
  if (kind === "stuck_cases") return { ids: ctx.stuckCaseIds, noun: (n) => plural(n, "stuck case", "stuck cases"), none: "No case of the process is stuck now." };
  if (kind === "version_regression") {
    // A finished failed case can only be compensated; restart and cancel act on open ones.
    if (type === "compensate") {
      return { ids: ctx.failedOnVersionCaseIds, noun: (n) => `${plural(n, "case", "cases")} that failed on the new version`, none: "No case has failed on the new version." };
    }
    return {
      ids: ctx.erroringOnVersionCaseIds,
      noun: (n) => `${plural(n, "open case", "open cases")} erroring on the new version`,
      none: "No open case on the new version is erroring.",
    };
  }
  if (type === "compensate") {
    return { ids: ctx.partialWorkCaseIds, noun: (n) => `${plural(n, "case", "cases")} with partial work`, none: "No failed case is left with partial work." };
  }
  const where = [ctx.state ? `in ${ctx.state}` : null, ctx.provider ? `on ${ctx.provider}` : null].filter(Boolean).join(" ");
  return {
    ids: ctx.inFlightCaseIds,
    noun: (n) => plural(n, "in-flight case", "in-flight cases"),
    none: `No open case is waiting${where ? ` ${where}` : " on the failing provider"}.`,
  };
}

const GENERIC_LABEL: Record<RunbookAction, string> = {
  pause_starts: "Pause new starts",
  resume_starts: "Resume new starts",
  reroute: "Reroute cases",
  compensate: "Compensate cases",
  restart_step: "Restart the step",
  cancel: "Cancel cases",
};

function planStateAction(type: "pause_starts" | "resume_starts", ctx: ActionContext): PlannedAction {
  const verb = type === "pause_starts" ? "Pause" : "Resume";
  if (!ctx.state) return { kind: "unavailable", label: GENERIC_LABEL[type], reason: "The incident names no step to pause or resume." };
  const label = `${verb} starts of ${ctx.state}`;
  const paused = ctx.pausedStates.includes(ctx.state);
  if (type === "pause_starts" && paused) return { kind: "unavailable", label, reason: `New starts of ${ctx.state} are already paused.` };
  if (type === "resume_starts" && !paused) return { kind: "unavailable", label, reason: `New starts of ${ctx.state} are not paused.` };
  return { kind: "state", type, processKey: ctx.processKey, state: ctx.state, label };
}

/** The concrete one-click action for a runbook step's marker in an incident's context, e.g. for an outage of bureau-a in credit-check: "Pause starts of credit-check", "Reroute 37 in-flight cases to bureau-b", "Compensate 5 cases with partial work". Which case set by runbook kind: outage → in-flight (reroute, restart) / partial-work (compensate); stuck → stuck cases; regression → open cases erroring on the new version (restart, cancel) / failed ones (compensate). Unavailable (with the reason) when there is no case, no alternative provider, no state, the state is already paused (pause) or not paused (resume). */
export function planAction(kind: RunbookKind, action: RunbookAction, ctx: ActionContext): PlannedAction {
  if (action === "pause_starts" || action === "resume_starts") return planStateAction(action, ctx);
  const set = caseSet(kind, action, ctx);
  if (set.ids.length === 0) return { kind: "unavailable", label: GENERIC_LABEL[action], reason: set.none };
  const caseIds = [...set.ids];
  const cases = set.noun(caseIds.length);
  switch (action) {
    case "reroute": {
      const toProvider = ctx.alternatives[0];
      if (!toProvider) {
        const reason = ctx.state
          ? `${ctx.state} has no provider other than ${ctx.provider ?? "the current one"} in the process graph.`
          : "The incident names no step, so there is no alternative provider to reroute to.";
        return { kind: "unavailable", label: `Reroute ${cases}`, reason };
      }
      return { kind: "bulk", type: "reroute", caseIds, toProvider, label: `Reroute ${cases} to ${toProvider}` };
    }
    case "compensate":
      return { kind: "bulk", type: "compensate", caseIds, label: `Compensate ${cases}` };
    case "restart_step":
      return { kind: "bulk", type: "restart_step", caseIds, label: `Restart the step of ${cases}` };
    case "cancel":
      return { kind: "bulk", type: "cancel", caseIds, label: `Cancel ${cases}` };
  }
}
