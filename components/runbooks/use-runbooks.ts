"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getJson } from "@/components/api";
import { runbookKeys } from "@/components/runbooks/keys";
import type { RunbookDetailResponse, RunbookVersionResponse, SaveRunbookResponse } from "@/components/runbooks/types";
import { sendJson } from "@/components/teams/send-json";
import type { RunbookKind } from "@/lib/domain/runbook";
import type { TRunbook } from "@/lib/validation/runbook";

const url = (key: string, kind: RunbookKind) => `/api/v1/processes/${encodeURIComponent(key)}/runbooks/${kind}`;

/** One runbook with its history; refreshed now and then so a colleague's save shows up. */
export function useRunbook(key: string, kind: RunbookKind, initialData: RunbookDetailResponse) {
  return useQuery({
    queryKey: runbookKeys.detail(key, kind),
    queryFn: ({ signal }) => getJson<RunbookDetailResponse>(url(key, kind), signal),
    initialData,
    refetchInterval: 60_000,
  });
}

/** One saved version (0 = the built-in runbook), once one is chosen. Versions never change, so they stay cached. */
export function useRunbookVersion(key: string, kind: RunbookKind, version: number | null) {
  return useQuery({
    queryKey: runbookKeys.version(key, kind, version ?? -1),
    queryFn: ({ signal }) => getJson<RunbookVersionResponse>(`${url(key, kind)}?version=${version}`, signal),
    enabled: version !== null,
    staleTime: Infinity,
  });
}

/** Saves a new version; the runbook and the process's list show it at once. */
export function useSaveRunbook(key: string, kind: RunbookKind) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TRunbook) => sendJson<SaveRunbookResponse>("PUT", url(key, kind), input),
    onSuccess: (data) => {
      client.setQueryData<RunbookDetailResponse>(runbookKeys.detail(key, kind), { process: data.process, runbook: data.runbook });
      void client.invalidateQueries({ queryKey: runbookKeys.list(key) });
    },
    // A conflict means someone else saved: fetch their version and the history.
    onError: () => client.invalidateQueries({ queryKey: runbookKeys.detail(key, kind), exact: true }),
  });
}
