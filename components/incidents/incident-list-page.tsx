"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { filtersFromParams, filtersToParams, type IncidentFilters } from "@/components/incidents/filters";
import { IncidentFilterBar } from "@/components/incidents/incident-filters";
import { IncidentTable } from "@/components/incidents/incident-table";
import { useIncidentList } from "@/components/incidents/use-incidents";
import { useNow } from "@/components/incidents/use-now";
import { useProcesses } from "@/components/processes/use-processes";
import { Card } from "@/components/ui/card";
import { LiveIndicator } from "@/components/ui/live-indicator";
import { PageHeader } from "@/components/ui/page-header";
import { Empty, ErrorState, Loading } from "@/components/ui/states";
import { formatCount } from "@/lib/format";

function subtitle(rows: { status: string }[] | undefined, filters: IncidentFilters): string {
  if (!rows) return "Loading…";
  const open = rows.filter((r) => r.status === "open").length;
  const shown = `${formatCount(rows.length)} incident${rows.length === 1 ? "" : "s"}`;
  return filters.status === "unresolved" || filters.status === "all" || filters.status === "open" ? `${shown} · ${formatCount(open)} not acknowledged` : shown;
}

/** Incidents from the detectors, filtered through the URL, live. */
export function IncidentListPage() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const filters = filtersFromParams(new URLSearchParams(params.toString()));
  const list = useIncidentList(filters);
  const processes = useProcesses();
  // Rows render only in the browser (fetched there), so the clock needs no server start.
  const now = useNow(undefined, list.dataUpdatedAt);
  const setFilters = (next: IncidentFilters) => {
    const q = filtersToParams(next).toString();
    router.replace(q ? `${pathname}?${q}` : pathname, { scroll: false });
  };
  return (
    <>
      <PageHeader
        title="Incidents"
        subtitle={subtitle(list.data, filters)}
        actions={<LiveIndicator updatedAt={list.dataUpdatedAt} failing={list.isError || list.failureCount > 0} failedAt={list.errorUpdatedAt || undefined} />}
      />
      <Card>
        <IncidentFilterBar filters={filters} processes={(processes.data ?? []).map((p) => ({ key: p.key, name: p.name }))} onChange={setFilters} />
        {list.isPending ? (
          <Loading label="Loading incidents" rows={6} />
        ) : !list.data ? (
          <ErrorState title="The incidents could not be loaded" message={list.error?.message ?? "Unknown error"} onRetry={() => void list.refetch()} />
        ) : list.data.length === 0 ? (
          <Empty title={filters.status === "unresolved" ? "No unresolved incident" : "No incident matches"}>
            {filters.status === "unresolved" ? "Detectors open one when an SLO burns, cases pile up stuck, a provider fails or a new version regresses." : "Try fewer filters."}
          </Empty>
        ) : (
          <IncidentTable incidents={list.data} now={now} />
        )}
      </Card>
    </>
  );
}
