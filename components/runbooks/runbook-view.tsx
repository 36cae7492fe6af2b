import type { ReactNode } from "react";
import { ACTION_LABEL } from "@/components/runbooks/labels";
import { InlineMarkdown } from "@/components/runbooks/inline-markdown";
import type { RunbookAction, RunbookSection, RunbookStep } from "@/lib/domain/runbook";

const ACCENT: Record<string, string> = {
  detect: "border-sky-400",
  diagnose: "border-violet-400",
  mitigate: "border-amber-500",
  rollback: "border-emerald-500",
};

/** The chip a step with a marker shows where no concrete action is offered (outside an incident). */
export function ActionChip({ action }: { action: RunbookAction }) {
  return (
    <span
      title={`Marker {{action:${action}}}: on an incident this step offers the action, with the affected cases`}
      className="inline-flex shrink-0 items-center gap-1 whitespace-nowrap rounded-full border border-indigo-200 bg-indigo-50 px-2 py-0.5 text-xs font-medium text-indigo-800"
    >
      <span aria-hidden="true">⚡</span>
      <span className="sr-only">Action: </span>
      {ACTION_LABEL[action]}
    </span>
  );
}

type Props = {
  sections: RunbookSection[];
  /** What to show beside a step with a marker; the incident page puts its action button here. Default: a chip. */
  renderAction?: (step: RunbookStep, action: RunbookAction) => ReactNode;
  /** `grid`: sections side by side on wide screens. */
  layout?: "stack" | "grid";
  /** The heading level of section titles, to fit the page's outline. */
  headingLevel?: "h2" | "h3" | "h4";
};

/**
 * A runbook by section, each step in order. No hooks, so server pages and client
 * components (the incident page with its action buttons) both render it.
 */
export function RunbookView({ sections, renderAction, layout = "stack", headingLevel: Heading = "h3" }: Props) {
  if (sections.length === 0) return <p className="text-sm text-slate-600">This runbook has no steps yet.</p>;
  return (
    <div className={layout === "grid" ? "grid gap-4 md:grid-cols-2" : "space-y-4"}>
      {sections.map((section, i) => (
        <section key={i} className={`border-l-4 pl-3 ${ACCENT[section.title.split(/\W/)[0]!.toLowerCase()] ?? "border-slate-300"}`}>
          {section.title ? <Heading className="text-sm font-semibold uppercase tracking-wide text-slate-700">{section.title}</Heading> : null}
          {section.steps.length === 0 ? (
            <p className="mt-1 text-sm italic text-slate-500">No steps.</p>
          ) : (
            <ol className="mt-1.5 space-y-1.5">
              {section.steps.map((step, j) => (
                <li key={j} className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1 text-sm leading-snug text-slate-800">
                  <span className="min-w-0 flex-1">
                    <span aria-hidden="true" className="mr-1.5 text-slate-400">
                      {j + 1}.
                    </span>
                    <InlineMarkdown text={step.text} />
                  </span>
                  {step.action ? (renderAction ? renderAction(step, step.action) : <ActionChip action={step.action} />) : null}
                </li>
              ))}
            </ol>
          )}
        </section>
      ))}
    </div>
  );
}
