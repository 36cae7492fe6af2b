import Link from "next/link";
import { IncidentStatusBadge, SeverityBadge } from "@/components/incidents/badges";
import { escalationText, TYPE_LABEL } from "@/components/incidents/labels";
import type { IncidentRow } from "@/components/incidents/types";
import { Table, Td, Th } from "@/components/ui/table";
import { formatCount, formatInstant, formatRelative } from "@/lib/format";

/** Incidents as given (most urgent first): what, where, who has it, since when, how far it escalated. */
export function IncidentTable({ incidents, now }: { incidents: IncidentRow[]; now: Date }) {
  return (
    <Table label="Incidents">
      <thead>
        <tr>
          <Th>Severity</Th>
          <Th>Incident</Th>
          <Th>Process</Th>
          <Th>Status</Th>
          <Th>Assignee</Th>
          <Th>Opened</Th>
          <Th align="right" className="whitespace-nowrap">Affected cases</Th>
          <Th>Escalation</Th>
        </tr>
      </thead>
      <tbody>
        {incidents.map((i) => (
          <tr key={i.id} className={i.status === "open" ? "bg-red-50/40 hover:bg-red-50" : "hover:bg-slate-50"}>
            <Td>
              <SeverityBadge severity={i.severity} />
            </Td>
            <Td className="max-w-xl">
              <Link href={`/incidents/${i.id}`} className="font-medium text-slate-900 underline-offset-2 hover:underline">
                {i.title}
              </Link>
              <span className="block text-xs text-slate-500">{TYPE_LABEL[i.type]}</span>
            </Td>
            <Td className="whitespace-nowrap">
              {i.process ? (
                <Link href={`/processes/${i.process}`} className="hover:underline">
                  {i.processName ?? i.process}
                </Link>
              ) : (
                "—"
              )}
            </Td>
            <Td>
              <IncidentStatusBadge status={i.status} />
            </Td>
            <Td className="whitespace-nowrap">{i.assignee ? i.assignee.name : <span className="font-medium text-amber-800">Unassigned</span>}</Td>
            <Td className="whitespace-nowrap">
              <time dateTime={i.openedAt} title={`${formatInstant(i.openedAt)} UTC`}>
                {formatRelative(i.openedAt, now)}
              </time>
            </Td>
            <Td align="right">{formatCount(i.affectedCases)}</Td>
            <Td className="whitespace-nowrap text-slate-700">
              {escalationText(i.escalationLevel)}
              {i.status === "open" && i.nextEscalationAt ? <span className="block text-xs text-amber-800">next {formatRelative(i.nextEscalationAt, now)}</span> : null}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
