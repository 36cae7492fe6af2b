import { serialized } from "@/lib/serialized";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BacklogChart } from "@/components/processes/backlog-chart";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { pageContext } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { DetectorSettingsEditor, DetectorSettingsList } from "@/components/processes/detector-settings-editor";
import { PauseControl } from "@/components/processes/pause-control";
import { ThresholdsEditor } from "@/components/processes/thresholds-editor";
import { FreezeBadge, HealthBadge } from "@/components/slos/health-badge";
import { describeSlo } from "@/components/slos/labels";
import { mayEditProcess } from "@/lib/server/slos/may-edit";
import { formatPercent } from "@/lib/format";
import { AppError } from "@/lib/errors";
import { formatDuration, formatInstant } from "@/lib/format";
import { getProcess } from "@/lib/server/processes/get-process";
import { ProcessOwnershipCard } from "@/components/teams/process-ownership-card";
import { getProcessOwnership } from "@/lib/server/teams/get-process-ownership";
import { listTeamChoices } from "@/lib/server/teams/list-team-choices";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ key: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).key };
}

export default async function ProcessPage({ params }: Props) {
  const { actor, ctx } = await pageContext("processes:read");
  const canAct = can(actor.role, "cases:act");
  const key0 = (await params).key;
  const [canEditSlos, canTune] = await Promise.all([mayEditProcess(ctx, key0), mayEditProcess(ctx, key0, "processes:tune")]);
  const key = (await params).key;
  const process = await getProcess(ctx, { key }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const [ownership, teamChoices] = await Promise.all([getProcessOwnership(ctx, { key }), can(actor.role, "teams:manage") ? listTeamChoices(ctx) : null]);
  return (
    <>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            {process.name} {process.freeze ? <FreezeBadge /> : null}
          </span>
        }
        subtitle={
          <>
            <span className="font-mono">{process.key}</span> · owned by {process.owner ?? <span className="text-amber-800">no team yet</span>}
          </>
        }
        actions={
          <span className="flex gap-2">
            <Link href={`/processes/${process.key}/runbooks`} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50">
              Runbooks
            </Link>
            <Link href={`/incidents?process=${process.key}`} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50">
              Incidents
            </Link>
            <Link href={`/cases?stuck=true&process=${process.key}`} className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700">
              Stuck cases
            </Link>
          </span>
        }
      />
      <div className="grid gap-4">
        <ProcessOwnershipCard ownership={serialized(ownership)} teams={teamChoices} />
        <Card
          title="Service level objectives"
          actions={
            canEditSlos ? (
              <Link href={`/processes/${process.key}/slos/new`} className="rounded-md bg-slate-900 px-2.5 py-1 text-xs font-medium text-white hover:bg-slate-700">
                New SLO
              </Link>
            ) : null
          }
        >
          {process.slos.length === 0 ? (
            <p className="px-4 py-6 text-sm text-slate-600">No SLO yet.{canEditSlos ? " Define what good looks like with “New SLO”." : " The owning team defines them."}</p>
          ) : (
            <Table label="SLOs">
              <thead>
                <tr>
                  <Th>SLO</Th>
                  <Th>Status</Th>
                  <Th align="right">SLI</Th>
                  <Th align="right">Budget left</Th>
                  <Th align="right">Burn 1 h · 6 h</Th>
                </tr>
              </thead>
              <tbody>
                {process.slos.map((slo) => (
                  <tr key={slo.id}>
                    <Td>
                      <Link href={`/slos/${slo.id}`} className="font-medium hover:underline">
                        {slo.name}
                      </Link>
                      <span className="block text-xs text-slate-600">{describeSlo(slo)}</span>
                    </Td>
                    <Td>
                      <HealthBadge health={slo.status?.health ?? null} />
                    </Td>
                    <Td align="right">{slo.status ? formatPercent(slo.status.sli, 2) : "—"}</Td>
                    <Td align="right">{slo.status ? formatPercent(slo.status.budgetRemaining) : "—"}</Td>
                    <Td align="right">{slo.status ? `${slo.status.burn["1h"].toFixed(2)} · ${slo.status.burn["6h"].toFixed(2)}` : "—"}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
        <BacklogChart processKey={process.key} />
        <div className="grid gap-4 lg:grid-cols-2">
          <Card
            title="Stuck thresholds per state"
            actions={canTune ? <ThresholdsEditor process={process.key} defaultSec={process.defaultStuckThresholdSec} thresholds={process.thresholds} /> : null}
          >
            <Table label="Stuck thresholds">
              <thead>
                <tr>
                  <Th>State</Th>
                  <Th>Kind</Th>
                  <Th>Providers</Th>
                  <Th align="right">Stuck after</Th>
                  <Th>New starts</Th>
                </tr>
              </thead>
              <tbody>
                {process.thresholds.map((t) => (
                  <tr key={t.state}>
                    <Td className="font-medium">{t.state}</Td>
                    <Td>{t.kind ?? "—"}</Td>
                    <Td>{t.providers.length ? t.providers.join(", ") : "—"}</Td>
                    <Td align="right">
                      {formatDuration(t.thresholdSec)}
                      {t.overridden ? null : <span className="ml-1 text-xs text-slate-500">(default)</span>}
                    </Td>
                    <Td>
                      <span className="flex flex-wrap items-center gap-2">
                        {t.pause ? (
                          <span title={`${t.pause.pausedBy}: ${t.pause.reason}`} className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">
                            Paused
                          </span>
                        ) : (
                          <span className="text-xs text-slate-500">running</span>
                        )}
                        {canAct && t.kind !== "terminal" ? <PauseControl process={process.key} state={t.state} paused={Boolean(t.pause)} /> : null}
                      </span>
                    </Td>
                  </tr>
                ))}
                <tr>
                  <Td className="text-slate-600">Any other state</Td>
                  <Td />
                  <Td />
                  <Td align="right">{formatDuration(process.defaultStuckThresholdSec)}</Td>
                  <Td />
                </tr>
              </tbody>
            </Table>
            <p className="border-t border-slate-100 px-4 py-2 text-xs text-slate-600">
              A pause or resume reaches the engines as a command:{" "}
              <Link href={`/outbox?view=in_flight&process=${encodeURIComponent(process.key)}`} className="font-medium text-slate-800 underline">
                follow its delivery in the outbox
              </Link>
              .
            </p>
          </Card>
          <Card title="Incident thresholds" actions={canTune ? <DetectorSettingsEditor process={process.key} settings={process.detectors.settings} /> : null}>
            <DetectorSettingsList detectors={process.detectors} />
          </Card>
          <Card title="Versions">
            <Table label="Versions">
              <thead>
                <tr>
                  <Th>Version</Th>
                  <Th align="right">States</Th>
                  <Th>Published (UTC)</Th>
                </tr>
              </thead>
              <tbody>
                {process.versions.map((v) => (
                  <tr key={v.version}>
                    <Td className="font-mono">{v.version}</Td>
                    <Td align="right">{v.states}</Td>
                    <Td>{formatInstant(v.createdAt)}</Td>
                  </tr>
                ))}
                {process.versions.length === 0 ? (
                  <tr>
                    <Td className="text-slate-600">No version published yet (the process was created by its first event).</Td>
                  </tr>
                ) : null}
              </tbody>
            </Table>
          </Card>
        </div>
      </div>
    </>
  );
}
