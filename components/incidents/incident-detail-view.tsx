"use client";

import Link from "next/link";
import { CaseTable } from "@/components/cases/case-table";
import { IncidentStatusBadge, SeverityBadge } from "@/components/incidents/badges";
import { EscalationAhead } from "@/components/incidents/escalation-ahead";
import { IncidentFacts } from "@/components/incidents/incident-facts";
import { IncidentRunbookCard } from "@/components/incidents/incident-runbook";
import { IncidentSloBurn } from "@/components/incidents/incident-slo-burn";
import { IncidentTimeline } from "@/components/incidents/incident-timeline";
import { TYPE_LABEL } from "@/components/incidents/labels";
import { ResponseActions } from "@/components/incidents/response-actions";
import type { IncidentDetail, Person } from "@/components/incidents/types";
import { useIncidentBulkActions } from "@/components/incidents/use-bulk-action";
import { useIncident } from "@/components/incidents/use-incidents";
import { useNow } from "@/components/incidents/use-now";
import type { SloDetail } from "@/components/slos/types";
import { Card } from "@/components/ui/card";
import { LiveIndicator } from "@/components/ui/live-indicator";
import { Empty } from "@/components/ui/states";
import { formatCount } from "@/lib/format";

export type IncidentViewer = { id: string; canRespond: boolean; canAct: boolean; canApprove: boolean; canEditRunbook: boolean };

const text = (v: unknown): string | null => (typeof v === "string" && v.length > 0 ? v : null);

/** The case list showing all of an incident's affected cases (the page shows the first 100). */
function caseListHref(incident: IncidentDetail["incident"]): string {
  const q = new URLSearchParams();
  if (incident.type === "stuck_cases") q.set("stuck", "true");
  if (incident.process) q.set("process", incident.process);
  const state = text(incident.details.state);
  const provider = text(incident.details.provider);
  if (incident.type === "dependency_outage" && state) q.set("state", state);
  if (incident.type === "dependency_outage" && provider) q.set("provider", provider);
  return `/cases?${q.toString()}`;
}

/** One incident, live: who has it, what to do (runbook), what happened, who is next, which cases. */
export function IncidentDetailView({ initial, renderedAt, viewer, people, slo }: { initial: IncidentDetail; renderedAt: number; viewer: IncidentViewer; people: Person[]; slo: SloDetail | null }) {
  const query = useIncident(initial.incident.id, initial, renderedAt);
  const detail = query.data;
  const { incident, timeline, cases, runbook } = detail;
  const earlier = useIncidentBulkActions(timeline);
  const now = useNow(renderedAt, query.dataUpdatedAt);
  return (
    <>
      <div className="mb-4 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 max-w-4xl">
          <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <SeverityBadge severity={incident.severity} />
            <IncidentStatusBadge status={incident.status} />
            <span>{TYPE_LABEL[incident.type]}</span>
            {incident.process ? (
              <>
                <span aria-hidden="true">·</span>
                <Link href={`/processes/${incident.process}`} className="font-medium text-slate-800 hover:underline">
                  {incident.processName ?? incident.process}
                </Link>
              </>
            ) : null}
            <span aria-hidden="true">·</span>
            <Link href="/incidents" className="hover:underline">
              all incidents
            </Link>
          </p>
          <h1 className="mt-1 text-xl font-semibold text-slate-900">{incident.title}</h1>
          <p className="mt-0.5 text-sm text-slate-700">{incident.summary}</p>
        </div>
        <div className="flex flex-col items-end gap-2">
          <LiveIndicator updatedAt={query.dataUpdatedAt} failing={query.isError || query.failureCount > 0} failedAt={query.errorUpdatedAt || undefined} />
          {viewer.canRespond ? <ResponseActions incident={incident} people={people} ahead={detail.escalationAhead} /> : null}
        </div>
      </div>

      <IncidentFacts incident={incident} now={now} />

      <div className="mb-4 grid items-start gap-4 lg:grid-cols-3">
        <div className="lg:col-span-2">
          {runbook && incident.process ? (
            <IncidentRunbookCard
              incidentId={incident.id}
              runbook={runbook}
              processKey={incident.process}
              state={text(incident.details.state)}
              canAct={viewer.canAct}
              canEdit={viewer.canEditRunbook}
              earlier={earlier}
            />
          ) : (
            <Card title="Runbook">
              <Empty title="No runbook">This incident belongs to no process, so it carries no runbook.</Empty>
            </Card>
          )}
        </div>
        <Card title="Escalation ahead">
          <EscalationAhead detail={detail} now={now} canRespond={viewer.canRespond} />
        </Card>
      </div>

      <Card title={`Timeline · ${formatCount(timeline.length)} entries`} className="mb-4">
        {timeline.length === 0 ? <Empty title="Nothing recorded yet" /> : <IncidentTimeline entries={timeline} now={now} approver={viewer.canApprove ? viewer.id : null} />}
      </Card>

      {slo ? (
        <div className="mb-4">
          <IncidentSloBurn initial={slo} />
        </div>
      ) : null}

      <Card
        title={`Affected cases · ${formatCount(incident.affectedCases)}${incident.affectedCases > cases.length ? ` (${formatCount(cases.length)} shown)` : ""}`}
        actions={
          incident.process ? (
            <Link href={caseListHref(incident)} className="text-sm font-medium text-slate-700 underline underline-offset-2 hover:text-slate-900">
              Open in the case list
            </Link>
          ) : null
        }
      >
        {cases.length === 0 ? <Empty title="No case is affected now" /> : <CaseTable cases={cases} label="Affected cases" />}
      </Card>

    </>
  );
}
