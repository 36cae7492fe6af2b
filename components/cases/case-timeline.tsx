import { ErrorText } from "@/components/cases/error-text";
import type { CaseDetail } from "@/components/cases/types";
import { Table, Td, Th } from "@/components/ui/table";
import { formatInstant, formatRelative } from "@/lib/format";

const TYPE_STYLE: Record<string, string> = {
  "step.failed": "text-red-800",
  "case.failed": "text-red-800 font-semibold",
  "case.completed": "text-emerald-800 font-semibold",
  "compensation.started": "text-amber-800",
  "compensation.completed": "text-amber-800",
  "case.waiting": "text-indigo-800",
};

/** Every event of the case, oldest first, in the order the projection applies them. */
export function CaseTimeline({ timeline, now }: { timeline: CaseDetail["timeline"]; now: Date }) {
  return (
    <Table label="Event timeline">
      <thead>
        <tr>
          <Th>At (UTC)</Th>
          <Th>Event</Th>
          <Th>State</Th>
          <Th>Provider</Th>
          <Th align="right">Attempt</Th>
          <Th>Idempotency key</Th>
          <Th>Error</Th>
        </tr>
      </thead>
      <tbody>
        {timeline.map((e) => (
          <tr key={e.id} className="hover:bg-slate-50">
            <Td className="whitespace-nowrap">
              <time dateTime={e.at}>{formatInstant(e.at)}</time>
              <span className="block text-xs text-slate-500">{formatRelative(e.at, now)}</span>
            </Td>
            <Td className={`font-mono text-xs ${TYPE_STYLE[e.type] ?? ""}`}>{e.type}</Td>
            <Td>{e.state ?? "—"}</Td>
            <Td>{e.provider ?? "—"}</Td>
            <Td align="right">{e.attempt ?? "—"}</Td>
            <Td className="font-mono text-xs">{e.idempotencyKey ?? "—"}</Td>
            <Td>
              <ErrorText error={e.error} />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
