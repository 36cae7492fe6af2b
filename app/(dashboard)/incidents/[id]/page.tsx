import { serialized } from "@/lib/serialized";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { IncidentDetailView } from "@/components/incidents/incident-detail-view";
import { pageContext } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { getIncident } from "@/lib/server/incidents/get-incident";
import { getSlo } from "@/lib/server/slos/get-slo";
import { mayEditProcess } from "@/lib/server/slos/may-edit";
import { listPeople } from "@/lib/server/teams/list-people";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Incident" };

const isNotFound = (error: unknown) => error instanceof AppError && error.code === "not_found";

/** The same JSON the API returns, so the page and its live refresh agree. */

export default async function IncidentPage({ params }: Props) {
  const { actor, ctx } = await pageContext("incidents:read");
  const now = new Date();
  const detail = await getIncident(ctx, { id: (await params).id }, now).catch((error: unknown) => {
    if (isNotFound(error)) notFound();
    throw error;
  });
  const { incident } = detail;
  const canRespond = can(actor.role, "incidents:respond");
  const [people, slo, canEditRunbook] = await Promise.all([
    canRespond ? listPeople(ctx) : Promise.resolve([]),
    // An SLO deleted since the incident opened: the page shows the incident without its chart.
    incident.sloId
      ? getSlo(ctx, { id: incident.sloId }).catch((error: unknown) => {
          if (isNotFound(error)) return null;
          throw error;
        })
      : Promise.resolve(null),
    incident.process ? mayEditProcess(ctx, incident.process, "runbooks:edit") : Promise.resolve(false),
  ]);
  return (
    <IncidentDetailView
      initial={serialized(detail)}
      renderedAt={now.getTime()}
      viewer={{ id: actor.id, canRespond, canAct: can(actor.role, "cases:act"), canApprove: can(actor.role, "bulk:approve"), canEditRunbook }}
      people={serialized(people)}
      slo={slo ? serialized(slo) : null}
    />
  );
}
