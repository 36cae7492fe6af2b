"use client";

import Link from "next/link";
import { BacklogSparkline } from "@/components/processes/backlog-sparkline";
import { FreezeBadge, HealthBadge } from "@/components/slos/health-badge";
import { useProcesses } from "@/components/processes/use-processes";
import { Card } from "@/components/ui/card";
import { AlertIcon, CheckIcon } from "@/components/ui/icons";
import { LiveIndicator } from "@/components/ui/live-indicator";
import { PageHeader } from "@/components/ui/page-header";
import { Empty, ErrorState, Loading } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import { formatBudgetLeft, formatCount, formatPercent } from "@/lib/format";

/** The operations leader's screen: every process, live. */
export function Overview() {
  const query = useProcesses();
  const { data, error, isPending, refetch } = query;
  const totals = (data ?? []).reduce((t, p) => ({ open: t.open + p.openCases, stuck: t.stuck + p.stuckCases }), { open: 0, stuck: 0 });
  return (
    <>
      <PageHeader
        title="Overview"
        subtitle={data ? `${data.length} processes · ${formatCount(totals.open)} open cases · ${formatCount(totals.stuck)} stuck` : "Every process, live"}
        actions={<LiveIndicator updatedAt={query.dataUpdatedAt} failing={query.isError || query.failureCount > 0} failedAt={query.errorUpdatedAt || undefined} />}
      />
      <Card>
        {isPending ? (
          <Loading label="Loading processes" />
        ) : !data ? (
          <ErrorState title="The processes could not be loaded" message={error?.message ?? "Unknown error"} onRetry={() => void refetch()} />
        ) : data.length === 0 ? (
          <Empty title="No processes yet">
            Processes appear here as soon as an engine reports events for them (POST /api/v1/events).
          </Empty>
        ) : (
          <Table label="Processes">
            <thead>
              <tr>
                <Th>Process</Th>
                <Th>Owner</Th>
                <Th align="right">Open</Th>
                <Th align="right">Stuck</Th>
                <Th align="right">Failure rate 24 h</Th>
                <Th align="right">Started 24 h</Th>
                <Th align="right">Completed 24 h</Th>
                <Th>Backlog 24 h</Th>
                <Th>SLOs</Th>
              </tr>
            </thead>
            <tbody>
              {data.map((p) => (
                <tr key={p.key} className="hover:bg-slate-50">
                  <Td>
                    <Link href={`/processes/${p.key}`} className="font-medium text-slate-900 underline-offset-2 hover:underline">
                      {p.name}
                    </Link>
                    <span className="block font-mono text-xs text-slate-500">{p.key}</span>
                    <span className="mt-1 flex flex-wrap gap-1">
                      {p.freeze ? <FreezeBadge /> : null}
                      {p.incidents.open > 0 ? (
                        <Link
                          href={`/incidents?process=${p.key}`}
                          className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ${p.incidents.worst === "SEV1" ? "bg-red-700 text-white" : p.incidents.worst === "SEV2" ? "bg-orange-100 text-orange-900" : "bg-amber-100 text-amber-900"}`}
                        >
                          <AlertIcon />
                          {p.incidents.open} {p.incidents.open === 1 ? "incident" : "incidents"} · {p.incidents.worst}
                        </Link>
                      ) : null}
                    </span>
                  </Td>
                  <Td>{p.owner ?? <span className="text-amber-800">No owner</span>}</Td>
                  <Td align="right">
                    <Link href={`/cases?process=${p.key}`} className="hover:underline">
                      {formatCount(p.openCases)}
                    </Link>
                  </Td>
                  <Td align="right">
                    {p.stuckCases > 0 ? (
                      <Link href={`/cases?stuck=true&process=${p.key}`} className="inline-flex items-center gap-1 whitespace-nowrap rounded-full bg-red-100 px-2 py-0.5 font-semibold text-red-900 hover:bg-red-200">
                        <AlertIcon className="text-red-600" />
                        {formatCount(p.stuckCases)} stuck
                      </Link>
                    ) : (
                      <span className="inline-flex items-center gap-1 text-emerald-800">
                        <CheckIcon className="text-emerald-600" />
                        none
                      </span>
                    )}
                  </Td>
                  <Td align="right">{formatPercent(p.failureRate)}</Td>
                  <Td align="right">{formatCount(p.last24h.started)}</Td>
                  <Td align="right">{formatCount(p.last24h.completed)}</Td>
                  <Td>
                    <BacklogSparkline processKey={p.key} />
                  </Td>
                  <Td>
                    {p.slos.length === 0 ? (
                      <span className="text-xs text-slate-500">No SLOs defined</span>
                    ) : (
                      <ul className="space-y-1">
                        {p.slos.map((slo) => (
                          <li key={slo.id} className="flex items-center gap-2 text-xs">
                            <HealthBadge health={slo.status} />
                            <Link href={`/slos/${slo.id}`} className="hover:underline">
                              {slo.name}
                            </Link>
                            <span className="tabular-nums text-slate-600">{slo.budgetRemaining === null ? "" : `budget ${formatBudgetLeft(slo.budgetRemaining, 0)}`}</span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
