"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { BulkBar } from "@/components/cases/bulk-bar";
import { BulkPanel } from "@/components/cases/bulk-panel";
import { CaseFilterBar } from "@/components/cases/case-filters";
import { CaseTable, type Selection } from "@/components/cases/case-table";
import { filtersFromParams, filtersToApiQuery, filtersToParams, type CaseFilters } from "@/components/cases/filters";
import { useCaseFacets, useCaseList } from "@/components/cases/use-cases";
import { Card } from "@/components/ui/card";
import { LiveIndicator } from "@/components/ui/live-indicator";
import { PageHeader } from "@/components/ui/page-header";
import { Empty, ErrorState, Loading } from "@/components/ui/states";
import { formatCount } from "@/lib/format";

/** The on-call engineer's screen: stuck (or all) cases, filtered through the URL. */
export type Viewer = { id: string; canAct: boolean; canApprove: boolean };

export function CaseListPage({ viewer }: { viewer: Viewer }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const filters = filtersFromParams(new URLSearchParams(params.toString()));
  const list = useCaseList(filtersToApiQuery(filters));
  const facets = useCaseFacets(filtersToParams(filters).toString());

  const [selected, setSelected] = useState<Set<string>>(new Set());
  const selection: Selection = {
    selected,
    toggle: (id) =>
      setSelected((prev) => {
        const next = new Set(prev);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    setAll: (ids, on) =>
      setSelected((prev) => {
        const next = new Set(prev);
        for (const id of ids) if (on) next.add(id);
        else next.delete(id);
        return next;
      }),
  };

  const setFilters = (next: CaseFilters) => {
    setSelected(new Set());
    const q = filtersToParams(next).toString();
    router.replace(q ? `${pathname}?${q}` : pathname, { scroll: false });
  };
  const cases = list.data?.pages.flatMap((p) => p.cases) ?? [];
  const total = facets.data?.total;

  return (
    <>
      <PageHeader
        title={filters.stuck ? "Stuck cases" : "Cases"}
        subtitle={
          total === undefined
            ? "Counting…"
            : `${formatCount(total)} ${filters.stuck ? "stuck" : ""} case${total === 1 ? "" : "s"} match${total === 1 ? "es" : ""} these filters`
        }
        actions={<LiveIndicator updatedAt={list.dataUpdatedAt} failing={list.isError || list.failureCount > 0} failedAt={list.errorUpdatedAt || undefined} />}
      />
      {viewer.canAct ? <BulkPanel viewerId={viewer.id} canApprove={viewer.canApprove} /> : null}
      <Card>
        <CaseFilterBar filters={filters} facets={facets.data?.facets} onChange={setFilters} />
        {viewer.canAct ? (
          <BulkBar
            selected={[...selected]}
            filters={filters}
            total={total}
            providers={(facets.data?.facets.provider ?? []).map((f) => f.value)}
            onDone={() => setSelected(new Set())}
          />
        ) : null}
        {list.isPending ? (
          <Loading label="Loading cases" rows={8} />
        ) : !list.data ? (
          <ErrorState title="The cases could not be loaded" message={list.error?.message ?? "Unknown error"} onRetry={() => void list.refetch()} />
        ) : cases.length === 0 ? (
          <Empty title={filters.stuck ? "No stuck cases match" : "No cases match"}>
            {filters.stuck ? "Nothing is past its state's threshold with these filters." : "Try fewer filters."}
          </Empty>
        ) : (
          <>
            <CaseTable cases={cases} label={filters.stuck ? "Stuck cases" : "Cases"} selection={viewer.canAct ? selection : undefined} />
            <div className="flex items-center justify-between px-4 py-3 text-sm text-slate-600">
              <span>
                Showing {formatCount(cases.length)}
                {total !== undefined ? ` of ${formatCount(total)}` : ""}
              </span>
              {list.hasNextPage ? (
                <button type="button" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60">
                  {list.isFetchingNextPage ? "Loading…" : "Load more"}
                </button>
              ) : null}
            </div>
          </>
        )}
      </Card>
    </>
  );
}
