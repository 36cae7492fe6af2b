import Link from "next/link";
import { StatusBadge, StuckBadge } from "@/components/cases/status-badge";
import { ErrorText } from "@/components/cases/error-text";
import type { CaseRow } from "@/components/cases/types";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDuration } from "@/lib/format";

export type Selection = { selected: Set<string>; toggle: (id: string) => void; setAll: (ids: string[], on: boolean) => void };

export function CaseTable({ cases, label, selection }: { cases: CaseRow[]; label: string; selection?: Selection }) {
  const allOnPage = selection ? cases.length > 0 && cases.every((c) => selection.selected.has(c.id)) : false;
  return (
    <Table label={label}>
      <thead>
        <tr>
          {selection ? (
            <Th className="w-8">
              <input type="checkbox" aria-label="Select all cases shown" checked={allOnPage} onChange={(e) => selection.setAll(cases.map((c) => c.id), e.target.checked)} className="h-4 w-4" />
            </Th>
          ) : null}
          <Th>Case</Th>
          <Th>Process</Th>
          <Th>State</Th>
          <Th>Status</Th>
          <Th>Provider</Th>
          <Th>Version</Th>
          <Th align="right">In state</Th>
          <Th align="right">Threshold</Th>
          <Th>Last error</Th>
        </tr>
      </thead>
      <tbody>
        {cases.map((c) => (
          <tr key={c.id} className={c.stuck ? "bg-red-50/40 hover:bg-red-50" : "hover:bg-slate-50"}>
            {selection ? (
              <Td>
                <input type="checkbox" aria-label={`Select ${c.id}`} checked={selection.selected.has(c.id)} onChange={() => selection.toggle(c.id)} className="h-4 w-4" />
              </Td>
            ) : null}
            <Td>
              <Link href={`/cases/${encodeURIComponent(c.id)}`} className="font-mono text-sm font-medium text-slate-900 underline-offset-2 hover:underline">
                {c.id}
              </Link>
            </Td>
            <Td>{c.processName}</Td>
            <Td className="font-medium">{c.state ?? "—"}</Td>
            <Td>
              <span className="flex flex-wrap items-center gap-1">
                <StatusBadge status={c.status} />
                {c.stuck ? <StuckBadge /> : null}
                {c.pendingCommand ? (
                  <span className="inline-flex items-center rounded-full bg-sky-100 px-2 py-0.5 text-xs font-medium text-sky-900">
                    {c.pendingCommand.type.replace("_", " ")} {c.pendingCommand.status}
                  </span>
                ) : null}
              </span>
            </Td>
            <Td>{c.provider ?? "—"}</Td>
            <Td className="font-mono text-xs">{c.version ?? "—"}</Td>
            <Td align="right" className={c.stuck ? "font-semibold text-red-800" : ""}>
              {c.inStateFor === null ? "—" : formatDuration(c.inStateFor)}
            </Td>
            <Td align="right" className="text-slate-600">
              {c.thresholdSec === null ? "—" : formatDuration(c.thresholdSec)}
            </Td>
            <Td className="max-w-xs truncate">
              <ErrorText error={c.lastError} />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
