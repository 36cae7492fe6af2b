"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getJson } from "@/components/api";
import { postJson } from "@/components/api-post";
import { caseKeys } from "@/components/cases/keys";
import { apiQueries, filtersToParams, type IncidentFilters } from "@/components/incidents/filters";
import { incidentKeys } from "@/components/incidents/keys";
import type { IncidentDetail, IncidentRow } from "@/components/incidents/types";
import { inboxKeys } from "@/components/inbox/keys";
import { SEVERITIES } from "@/lib/domain/escalation";

const LIST_LIMIT = 100;
/** The API's largest page: the header counts up to it and says "200+" beyond. */
const COUNT_LIMIT = 200;

type ListResponse = { incidents: IncidentRow[] };

const STATUS_RANK: Record<IncidentRow["status"], number> = { open: 0, acknowledged: 1, resolved: 2 };

/** Most urgent first: nobody acknowledged it yet, then by severity, then newest. */
function byUrgency(a: IncidentRow, b: IncidentRow): number {
  return STATUS_RANK[a.status] - STATUS_RANK[b.status] || SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || b.openedAt.localeCompare(a.openedAt) || b.id.localeCompare(a.id);
}

async function fetchMerged(queries: string[], signal: AbortSignal): Promise<IncidentRow[]> {
  const pages = await Promise.all(queries.map((q) => getJson<ListResponse>(`/api/v1/incidents?${q}`, signal)));
  return pages.flatMap((p) => p.incidents).sort(byUrgency);
}

/** The incidents matching the list's filters, most urgent first, refreshed every 5 s. */
export function useIncidentList(filters: IncidentFilters) {
  return useQuery({
    queryKey: incidentKeys.list(`${filters.status}?${filtersToParams(filters).toString()}`),
    queryFn: ({ signal }) => fetchMerged(apiQueries(filters, LIST_LIMIT), signal),
    refetchInterval: 5_000,
  });
}

/** Unresolved incidents for the header: how many, and how many nobody has acknowledged yet. */
export function useUnresolvedCount() {
  return useQuery({
    queryKey: incidentKeys.unresolvedCount(),
    queryFn: async ({ signal }) => {
      const rows = await fetchMerged(apiQueries({ status: "unresolved" }, COUNT_LIMIT), signal);
      const open = rows.filter((r) => r.status === "open").length;
      return { total: rows.length, open, capped: rows.length >= COUNT_LIMIT };
    },
    refetchInterval: 10_000,
  });
}

/** One incident with its timeline, cases, escalation ahead and runbook, refreshed every 5 s. */
export function useIncident(id: string, initialData: IncidentDetail, initialDataUpdatedAt: number) {
  return useQuery({
    queryKey: incidentKeys.detail(id),
    queryFn: ({ signal }) => getJson<IncidentDetail>(`/api/v1/incidents/${encodeURIComponent(id)}`, signal),
    initialData,
    initialDataUpdatedAt,
    refetchInterval: 5_000,
  });
}

export type Response = "acknowledge" | "escalate" | "resolve" | "reassign";

/** Acknowledge, escalate, resolve or reassign: refreshes the incident, the lists, the header and the inbox. */
export function useRespond(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ response, body }: { response: Response; body: { note?: string; userId?: string } }) =>
      postJson<unknown>(`/api/v1/incidents/${encodeURIComponent(id)}/${response}`, body),
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: incidentKeys.all }), queryClient.invalidateQueries({ queryKey: inboxKeys.all })]),
  });
}

/** After a runbook action: the incident's timeline and its cases change. */
export function useInvalidateAfterAction() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: incidentKeys.all }), queryClient.invalidateQueries({ queryKey: caseKeys.all })]);
}
