import type { Metadata } from "next";
import { Suspense } from "react";
import { IncidentListPage } from "@/components/incidents/incident-list-page";
import { Loading } from "@/components/ui/states";
import { pageContext } from "@/lib/auth/page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Incidents" };

export default async function IncidentsPage() {
  await pageContext("incidents:read");
  return (
    <Suspense fallback={<Loading label="Loading incidents" />}>
      <IncidentListPage />
    </Suspense>
  );
}
