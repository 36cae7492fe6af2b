import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Empty, ErrorState } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import { pageContext } from "@/lib/auth/page";
import { auditChanges } from "@/lib/domain/audit-diff";
import { formatInstant } from "@/lib/format";
import { listAudit } from "@/lib/server/audit/list-audit";
import { ZAuditQuery } from "@/lib/validation/audit";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const FIELDS = [
  ["actor", "Actor", "text"],
  ["action", "Action", "text"],
  ["process", "Process", "text"],
  ["case", "Case", "text"],
  ["from", "From (UTC)", "datetime-local"],
  ["to", "To (UTC)", "datetime-local"],
] as const;

/** The form's "2026-11-26T10:00" is UTC, as the table shows it. */
function asUtc(value: string | undefined): string | undefined {
  return value && /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?$/.test(value) ? `${value.length === 16 ? `${value}:00` : value}Z` : value;
}

const MAX_LINES = 6;

function Json({ label, value }: { label: string; value: unknown }) {
  return (
    <div>
      <p className="font-semibold text-slate-600">{label}</p>
      {value === null || value === undefined ? <p className="text-slate-400">—</p> : <pre className="whitespace-pre-wrap break-all font-mono text-slate-700">{JSON.stringify(value, null, 1)}</pre>}
    </div>
  );
}

/** The fields the entry changed, a line each (before → after), with the full snapshots one click away. */
function Change({ before, after }: { before: unknown; after: unknown }) {
  const changes = auditChanges(before, after);
  if (changes.length === 0) return <span className="text-slate-400">—</span>;
  const more = changes.length - MAX_LINES;
  return (
    <div className="max-w-xl text-xs">
      <ul className="space-y-0.5">
        {changes.slice(0, MAX_LINES).map((c) => (
          <li key={c.field} className="break-all font-mono">
            {c.field ? <span className="font-semibold text-slate-800">{c.field}: </span> : null}
            {c.before !== null ? <span className="text-red-800 line-through decoration-red-300">{c.before}</span> : null}
            {c.before !== null && c.after !== null ? <span className="text-slate-500"> → </span> : null}
            {c.after !== null ? <span className="text-emerald-800">{c.after}</span> : null}
          </li>
        ))}
      </ul>
      <details className="mt-1">
        <summary className="cursor-pointer text-slate-600 hover:text-slate-900">{more > 0 ? `${more} more field${more === 1 ? "" : "s"}; full before and after` : "Full before and after"}</summary>
        <div className="mt-1 grid gap-2 sm:grid-cols-2">
          <Json label="Before" value={before} />
          <Json label="After" value={after} />
        </div>
      </details>
    </div>
  );
}

/** Every mutation: who, what, when, why, before and after. Read-only. */
export default async function AuditPage({ searchParams }: Props) {
  const { ctx } = await pageContext("audit:read");
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, v]) => typeof v === "string" && v !== "")) as Record<string, string>;
  const parsed = ZAuditQuery.safeParse({ ...raw, from: asUtc(raw.from), to: asUtc(raw.to) });
  const result = parsed.success ? await listAudit(ctx, parsed.data) : null;
  const next = result?.nextCursor ? `?${new URLSearchParams({ ...raw, cursor: result.nextCursor }).toString()}` : null;
  return (
    <>
      <PageHeader title="Audit log" subtitle="Every change, who made it and why. Entries cannot be edited or deleted." />
      <Card>
        <form method="get" className="flex flex-wrap items-end gap-3 border-b border-slate-200 px-4 py-3">
          {FIELDS.map(([name, label, type]) => (
            <div key={name} className="flex flex-col">
              <label htmlFor={`audit-${name}`} className="text-xs font-medium text-slate-600">
                {label}
              </label>
              <input id={`audit-${name}`} name={name} type={type} defaultValue={raw[name] ?? ""} className="mt-0.5 rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
            </div>
          ))}
          <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700">
            Filter
          </button>
          <Link href="/audit" className="pb-1.5 text-sm text-slate-700 underline underline-offset-2">
            Clear
          </Link>
        </form>
        {!parsed.success ? (
          <ErrorState title="These filters are not valid" message={parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")} />
        ) : result!.entries.length === 0 ? (
          <Empty title="No audit entries match" />
        ) : (
          <Table label="Audit entries">
            <thead>
              <tr>
                <Th>At (UTC)</Th>
                <Th>Actor</Th>
                <Th>Action</Th>
                <Th>Target</Th>
                <Th>Reason</Th>
                <Th>Change (before → after)</Th>
              </tr>
            </thead>
            <tbody>
              {result!.entries.map((e) => (
                <tr key={e.id} className="align-top">
                  <Td className="whitespace-nowrap">{formatInstant(e.at)}</Td>
                  <Td>{e.actorLabel}</Td>
                  <Td className="font-mono text-xs">{e.action}</Td>
                  <Td className="font-mono text-xs">
                    {e.targetType}:{e.targetId}
                  </Td>
                  <Td>{e.reason ?? "—"}</Td>
                  <Td>
                    <Change before={e.before} after={e.after} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        {next ? (
          <div className="px-4 py-3 text-right">
            <Link href={next} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50">
              Older entries
            </Link>
          </div>
        ) : null}
      </Card>
    </>
  );
}
