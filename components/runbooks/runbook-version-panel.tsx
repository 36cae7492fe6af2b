"use client";

import { useMemo } from "react";
import { RunbookView } from "@/components/runbooks/runbook-view";
import { useRunbookVersion } from "@/components/runbooks/use-runbooks";
import { ErrorState, Loading } from "@/components/ui/states";
import { parseRunbook, type RunbookKind } from "@/lib/domain/runbook";
import { formatInstant } from "@/lib/format";

type Props = {
  processKey: string;
  kind: RunbookKind;
  version: number;
  /** Offered when the viewer may edit and the version is not the current one. */
  onRestore?: (version: { version: number; body: string }) => void;
  restoreNote?: string | null;
  restoring: boolean;
};

/** An older version as it was saved, with "Restore this version" for those who may edit. */
export function RunbookVersionPanel({ processKey, kind, version, onRestore, restoreNote, restoring }: Props) {
  const query = useRunbookVersion(processKey, kind, version);
  const runbook = query.data?.runbook;
  const sections = useMemo(() => (runbook ? parseRunbook(runbook.body) : []), [runbook]);
  if (query.isPending) return <Loading label={`Loading version ${version}…`} />;
  if (query.isError) return <ErrorState title={`Version ${version} could not be loaded`} message={query.error.message} onRetry={() => void query.refetch()} />;
  return (
    <div className="space-y-3 p-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <p className="text-sm text-slate-700">
          {runbook!.isDefault ? "The built-in runbook Flowdeck ships with." : `Saved by ${runbook!.authorLabel} at ${formatInstant(runbook!.createdAt!)} UTC.`}
          {runbook!.isCurrent ? " This is the current version." : null}
        </p>
        {onRestore && !runbook!.isCurrent ? (
          <div className="text-right">
            <button
              type="button"
              disabled={restoring}
              onClick={() => onRestore({ version: runbook!.version, body: runbook!.body })}
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-50"
            >
              {restoring ? "Restoring…" : "Restore this version"}
            </button>
            {restoreNote ? <p className="mt-1 max-w-64 text-xs text-slate-600">{restoreNote}</p> : null}
          </div>
        ) : null}
      </div>
      <RunbookView sections={sections} />
    </div>
  );
}
