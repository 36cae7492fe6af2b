"use client";

import type { RunbookDetail } from "@/components/runbooks/types";
import { Table, Td, Th } from "@/components/ui/table";
import { formatInstant } from "@/lib/format";

/** Who saved which version when, newest first; "View" shows a version beside it. */
export function RunbookHistory({ runbook, selected, onSelect }: { runbook: RunbookDetail; selected: number | null; onSelect: (version: number) => void }) {
  return (
    <Table label="Version history">
      <thead>
        <tr>
          <Th>Version</Th>
          <Th>By</Th>
          <Th>When (UTC)</Th>
          <Th>
            <span className="sr-only">View</span>
          </Th>
        </tr>
      </thead>
      <tbody>
        {runbook.history.map((h) => {
          const isSelected = h.version === selected;
          return (
            <tr key={h.version} className={isSelected ? "bg-indigo-50" : undefined}>
              <Td>
                <span className="font-medium">{h.version === 0 ? "Built-in" : `v${h.version}`}</span>
                {h.version === runbook.version ? <span className="ml-2 rounded-full bg-emerald-100 px-1.5 py-0.5 text-xs font-medium text-emerald-900">current</span> : null}
              </Td>
              <Td className="max-w-48 truncate">{h.authorLabel ?? <span className="text-slate-500">Flowdeck</span>}</Td>
              <Td className="whitespace-nowrap">{h.createdAt ? formatInstant(h.createdAt) : "—"}</Td>
              <Td align="right">
                <button
                  type="button"
                  onClick={() => onSelect(h.version)}
                  aria-pressed={isSelected}
                  className="rounded border border-slate-300 px-2 py-0.5 text-xs font-medium hover:bg-slate-50 aria-pressed:border-indigo-400 aria-pressed:bg-indigo-100"
                >
                  View
                </button>
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
