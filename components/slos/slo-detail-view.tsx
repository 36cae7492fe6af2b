"use client";

import Link from "next/link";
import { useState } from "react";
import { StatusBadge } from "@/components/cases/status-badge";
import { HealthBadge } from "@/components/slos/health-badge";
import { describeSlo, SLI_LABEL } from "@/components/slos/labels";
import { SloCharts } from "@/components/slos/slo-charts";
import type { SloDetail } from "@/components/slos/types";
import { useBadCases, useBreaching, useSlo } from "@/components/slos/use-slo";
import { Card } from "@/components/ui/card";
import { Empty, Loading } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import { BURN_WINDOW_NAMES } from "@/lib/domain/slo";
import { formatBudgetLeft, formatCount, formatDuration, formatInstant, formatPercent, formatRelative } from "@/lib/format";

function Stat({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-lg font-semibold tabular-nums text-slate-900">{children}</dd>
    </div>
  );
}

/** One SLO: where it stands, its alert tiers, its history, and which cases and steps spend its budget. */
export function SloDetailView({ initial, canEdit }: { initial: SloDetail; canEdit: boolean }) {
  const { data: slo } = useSlo(initial.id, initial);
  const [selected, setSelected] = useState<{ from: string; to: string } | null>(null);
  const bad = useBadCases(slo.id, selected);
  const breaching = useBreaching(slo.id, slo.sli === "cycle_time");
  const status = slo.status;
  const budget = status?.budgetRemaining ?? null;
  return (
    <>
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-sm text-slate-600">
            <Link href={`/processes/${slo.process}`} className="hover:underline">
              {slo.processName}
            </Link>{" "}
            · {SLI_LABEL[slo.sli]} SLO{slo.version ? ` · version ${slo.version}` : ""}
          </p>
          <h1 className="flex flex-wrap items-center gap-2 text-xl font-semibold">
            {slo.name} <HealthBadge health={status?.health ?? null} />
          </h1>
          <p className="text-sm text-slate-700">{describeSlo(slo)}</p>
        </div>
        <div className="flex items-center gap-3 text-xs text-slate-600">
          {slo.evaluatedAt ? `Evaluated ${formatRelative(slo.evaluatedAt, new Date(status?.evaluatedAt ?? slo.evaluatedAt))}` : "Not evaluated yet"}
          {canEdit ? (
            <Link href={`/slos/${slo.id}/edit`} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50">
              Edit
            </Link>
          ) : null}
        </div>
      </div>

      <Card className="mb-4">
        <dl className="grid grid-cols-2 gap-4 p-4 md:grid-cols-5">
          <Stat label={`SLI over ${slo.windowDays} d`}>{status?.sli === null || status === null ? "—" : formatPercent(status.sli, 2)}</Stat>
          <Stat label="Objective">{slo.objective}%</Stat>
          <Stat label="Error budget">
            <span className={budget !== null && budget <= 0 ? "text-red-700" : budget !== null && budget < 0.25 ? "text-amber-700" : ""}>{formatBudgetLeft(budget)}</span>
          </Stat>
          <Stat label="Events in window">
            {status ? `${formatCount(status.window.bad)} bad of ${formatCount(status.window.total)}` : "—"}
          </Stat>
          {slo.sli === "cycle_time" ? <Stat label="Open past the target now">{status?.openPastTarget ?? "—"}</Stat> : null}
        </dl>
      </Card>

      <div className="mb-4 grid gap-4 lg:grid-cols-2">
        <Card title="Burn rate now">
          <Table label="Burn rates">
            <thead>
              <tr>
                {BURN_WINDOW_NAMES.map((w) => (
                  <Th key={w} align="right">
                    {w}
                  </Th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                {BURN_WINDOW_NAMES.map((w) => (
                  <Td key={w} align="right">
                    {status ? status.burn[w].toFixed(2) : "—"}
                  </Td>
                ))}
              </tr>
            </tbody>
          </Table>
        </Card>
        <Card title="Alert tiers">
          <Table label="Alert tiers">
            <thead>
              <tr>
                <Th>Tier</Th>
                <Th>Windows</Th>
                <Th align="right">Factor</Th>
                <Th align="right">Burn long · short</Th>
                <Th>State</Th>
              </tr>
            </thead>
            <tbody>
              {(status?.tiers ?? []).map((t, i) => (
                <tr key={i}>
                  <Td className="font-medium">{t.severity === "page" ? "Page" : "Ticket"}</Td>
                  <Td>
                    {t.longWindow} and {t.shortWindow} ({formatPercent(t.budgetShare, 0)} of the budget)
                  </Td>
                  <Td align="right">{t.factor.toFixed(2)}</Td>
                  <Td align="right">
                    {t.burnLong.toFixed(2)} · {t.burnShort.toFixed(2)}
                  </Td>
                  <Td>
                    {!t.reachable ? (
                      <span className="text-xs text-amber-800">can never fire: above the highest possible burn at this objective</span>
                    ) : t.firing ? (
                      <span className="rounded-full bg-red-600 px-2 py-0.5 text-xs font-semibold text-white">Firing</span>
                    ) : (
                      <span className="text-xs text-slate-600">quiet</span>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          {status === null ? <Empty title="Not evaluated yet" /> : null}
        </Card>
      </div>

      <SloCharts slo={slo} onSelect={setSelected} />

      <Card title={selected ? `Bad cases ${formatInstant(selected.from)} – ${formatInstant(selected.to).slice(11)} UTC` : "Bad cases"} className="mt-4">
        {!selected ? (
          <Empty title="Click a point on a chart">The cases that were bad in that hour show here, with the states they spent their time in.</Empty>
        ) : bad.isPending ? (
          <Loading label="Loading the bad cases" />
        ) : !bad.data || bad.data.cases.length === 0 ? (
          <Empty title="No bad case in this hour" />
        ) : (
          <div className="grid gap-4 p-4 lg:grid-cols-3">
            <div>
              <h3 className="text-sm font-semibold text-slate-800">Where the time went</h3>
              <ul className="mt-2 space-y-1.5">
                {bad.data.attribution.slice(0, 6).map((a) => (
                  <li key={a.state} className="text-sm">
                    <span className="flex justify-between">
                      <span className="font-medium">{a.state || "(no state)"}</span>
                      <span className="tabular-nums text-slate-600">{formatPercent(a.share, 0)}</span>
                    </span>
                    <span className="mt-0.5 block h-1.5 overflow-hidden rounded-full bg-slate-200">
                      <span className="block h-full bg-red-500" style={{ width: `${a.share * 100}%` }} />
                    </span>
                  </li>
                ))}
              </ul>
            </div>
            <div className="lg:col-span-2">
              <Table label="Bad cases">
                <thead>
                  <tr>
                    <Th>Case</Th>
                    <Th>Status</Th>
                    <Th>Last state</Th>
                    <Th align="right">Cycle time</Th>
                  </tr>
                </thead>
                <tbody>
                  {bad.data.cases.map((c) => (
                    <tr key={c.id}>
                      <Td>
                        <Link href={`/cases/${encodeURIComponent(c.id)}`} className="font-mono hover:underline">
                          {c.id}
                        </Link>
                      </Td>
                      <Td>
                        <StatusBadge status={c.status} />
                      </Td>
                      <Td>{c.state ?? "—"}</Td>
                      <Td align="right">{c.startedAt && c.finishedAt ? formatDuration((Date.parse(c.finishedAt) - Date.parse(c.startedAt)) / 1000) : "—"}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </div>
          </div>
        )}
      </Card>

      {slo.sli === "cycle_time" ? (
        <Card title="Breaching within the next hour" className="mt-4">
          {!breaching.data ? (
            <Loading label="Loading" rows={2} />
          ) : breaching.data.cases.length === 0 ? (
            <Empty title="No open case will pass the target in the next hour" />
          ) : (
            <Table label="Cases breaching soon">
              <thead>
                <tr>
                  <Th>Case</Th>
                  <Th>State</Th>
                  <Th>Breaches</Th>
                </tr>
              </thead>
              <tbody>
                {breaching.data.cases.map((c) => (
                  <tr key={c.id}>
                    <Td>
                      <Link href={`/cases/${encodeURIComponent(c.id)}`} className="font-mono hover:underline">
                        {c.id}
                      </Link>
                    </Td>
                    <Td>{c.state ?? "—"}</Td>
                    <Td className="font-medium text-amber-800">{formatRelative(c.breachesAt, new Date(status?.evaluatedAt ?? Date.parse(c.breachesAt) - 1))}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
      ) : null}

      <Card title="Alerts" className="mt-4">
        {slo.alerts.length === 0 ? (
          <Empty title="No alert so far" />
        ) : (
          <Table label="Alerts">
            <thead>
              <tr>
                <Th>Severity</Th>
                <Th>Opened (UTC)</Th>
                <Th>Resolved (UTC)</Th>
                <Th align="right">Factor</Th>
                <Th align="right">Burn long · short</Th>
                <Th align="right">Budget</Th>
              </tr>
            </thead>
            <tbody>
              {slo.alerts.map((a) => (
                <tr key={a.id}>
                  <Td className={a.severity === "page" ? "font-semibold text-red-800" : "font-medium text-amber-800"}>{a.severity}</Td>
                  <Td>{formatInstant(a.openedAt)}</Td>
                  <Td>{a.resolvedAt ? formatInstant(a.resolvedAt) : <span className="font-semibold text-red-700">open</span>}</Td>
                  <Td align="right">{a.factor.toFixed(2)}</Td>
                  <Td align="right">
                    {a.burnLong.toFixed(1)} · {a.burnShort.toFixed(1)}
                  </Td>
                  <Td align="right">{formatBudgetLeft(a.budgetRemaining)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
