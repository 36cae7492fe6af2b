"use client";

import Link from "next/link";
import { CaseActions } from "@/components/cases/case-actions";
import { CaseTimeline } from "@/components/cases/case-timeline";
import { ErrorText } from "@/components/cases/error-text";
import { CommandList } from "@/components/cases/command-list";
import { StatusBadge, StuckBadge } from "@/components/cases/status-badge";
import { TimeInState } from "@/components/cases/time-in-state";
import type { CaseDetail } from "@/components/cases/types";
import { useCase } from "@/components/cases/use-case";
import { Card } from "@/components/ui/card";
import { LiveIndicator } from "@/components/ui/live-indicator";
import { Empty } from "@/components/ui/states";
import { formatCount, formatDuration, formatInstant, formatRelative } from "@/lib/format";

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

export function CaseDetailView({ initial, canAct }: { initial: CaseDetail; canAct: boolean }) {
  const query = useCase(initial.case.id, initial);
  const { case: c, timeline, timelineTruncated, commands } = query.data;
  const now = new Date(query.data.asOf);
  const cycle = c.startedAt && c.finishedAt ? (Date.parse(c.finishedAt) - Date.parse(c.startedAt)) / 1000 : null;
  return (
    <>
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-sm text-slate-600">
            <Link href={`/processes/${c.process}`} className="hover:underline">
              {c.processName}
            </Link>{" "}
            · case
          </p>
          <h1 className="flex flex-wrap items-center gap-2 text-xl font-semibold">
            <span className="font-mono">{c.id}</span>
            <StatusBadge status={c.status} />
            {c.stuck ? <StuckBadge /> : null}
          </h1>
        </div>
        <LiveIndicator updatedAt={query.dataUpdatedAt} failing={query.isError || query.failureCount > 0} failedAt={query.errorUpdatedAt || undefined} />
      </div>

      {canAct ? (
        <Card title="Actions" className="mb-4">
          <CaseActions detail={query.data} />
        </Card>
      ) : null}

      <Card className="mb-4">
        <dl className="grid grid-cols-2 gap-x-6 gap-y-4 p-4 md:grid-cols-4">
          <Field label="Current state">
            <span className="font-semibold">{c.state ?? "—"}</span>
          </Field>
          <Field label="Time in state">
            {c.inStateFor !== null && c.thresholdSec !== null ? (
              <TimeInState inStateFor={c.inStateFor} thresholdSec={c.thresholdSec} stuck={c.stuck} />
            ) : (
              <span className="text-slate-600">Finished {c.finishedAt ? formatInstant(c.finishedAt) : ""}</span>
            )}
          </Field>
          <Field label="Version">
            <span className="font-mono">{c.version ?? "—"}</span>
          </Field>
          <Field label="Provider">{c.provider ?? "—"}</Field>
          <Field label="Idempotency key of the last step attempt">
            <span className="break-all font-mono text-xs">{c.lastIdempotencyKey ?? "—"}</span>
          </Field>
          <Field label="Attempts · retries · compensations">
            {formatCount(c.attempts)} · {formatCount(c.retries)} · {formatCount(c.compensations)}
          </Field>
          <Field label="Started">{c.startedAt ? formatInstant(c.startedAt) : "—"}</Field>
          <Field label="Cycle time">{cycle !== null ? formatDuration(cycle) : c.startedAt ? `${formatDuration((now.getTime() - Date.parse(c.startedAt)) / 1000)} so far` : "—"}</Field>
          {query.data.breaches.map((b) =>
            b.breachesAt ? (
              <Field key={b.sloId} label={`SLO: ${b.name}`}>
                {Date.parse(b.breachesAt) > now.getTime() ? (
                  <span className="font-medium text-amber-800">breaches {formatRelative(b.breachesAt, now)}</span>
                ) : (
                  <span className="font-semibold text-red-800">breached {formatRelative(b.breachesAt, now)}</span>
                )}
              </Field>
            ) : null,
          )}
          <div className="col-span-2 md:col-span-4">
            <Field label="Last error">
              {c.lastError ? <ErrorText error={c.lastError} /> : "None"}
            </Field>
          </div>
        </dl>
      </Card>

      <Card title={`Timeline · ${formatCount(timeline.length)} events${timelineTruncated ? " (the newest shown)" : ""}`} className="mb-4">
        {timeline.length === 0 ? <Empty title="No events" /> : <CaseTimeline timeline={timeline} now={now} />}
      </Card>

      <Card title="Commands">
        {commands.length === 0 ? <Empty title="No commands for this case yet" /> : <CommandList commands={commands} canAct={canAct} />}
      </Card>
    </>
  );
}
