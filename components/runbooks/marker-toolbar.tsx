"use client";

import { ACTION_LABEL } from "@/components/runbooks/labels";
import { RUNBOOK_ACTIONS, type RunbookAction } from "@/lib/domain/runbook";

/** Buttons that put an `{{action:…}}` marker at the cursor, so nobody has to remember the spelling. */
export function MarkerToolbar({ onInsert }: { onInsert: (marker: string) => void }) {
  return (
    <div role="group" aria-label="Insert an action marker" className="flex flex-wrap items-center gap-1.5">
      <span className="text-xs text-slate-600">Insert action:</span>
      {RUNBOOK_ACTIONS.map((action: RunbookAction) => (
        <button
          key={action}
          type="button"
          onClick={() => onInsert(`{{action:${action}}}`)}
          title={`Insert {{action:${action}}}`}
          className="rounded-full border border-indigo-200 bg-indigo-50 px-2 py-0.5 font-mono text-xs text-indigo-800 hover:bg-indigo-100"
        >
          {action}
          <span className="sr-only"> ({ACTION_LABEL[action]})</span>
        </button>
      ))}
    </div>
  );
}
