import Link from "next/link";
import { StatusBadge, StuckBadge } from "@/components/cases/status-badge";
import type { CaseRow } from "@/components/cases/types";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDuration } from "@/lib/format";

export function CaseTable({ cases, label }: { cases: CaseRow[]; label: string }) {
  return (
    <Table label={label}>
      <thead>
        <tr>
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
            <Td className="max-w-xs truncate text-slate-700" >
              {c.lastError ? (
                <span title={c.lastError.message}>
                  <span className="font-mono text-xs">{c.lastError.code}</span> {c.lastError.message}
                </span>
              ) : (
                "—"
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
