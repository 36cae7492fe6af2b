"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useEffect, useMemo, useRef, useState } from "react";
import { useForm, useWatch, type Path } from "react-hook-form";
import { ApiFormError } from "@/components/api-post";
import { MarkerToolbar } from "@/components/runbooks/marker-toolbar";
import { RunbookHistory } from "@/components/runbooks/runbook-history";
import { RunbookVersionPanel } from "@/components/runbooks/runbook-version-panel";
import { RunbookView } from "@/components/runbooks/runbook-view";
import type { RunbookDetailResponse } from "@/components/runbooks/types";
import { useRunbook, useSaveRunbook } from "@/components/runbooks/use-runbooks";
import { Card } from "@/components/ui/card";
import { FormError } from "@/components/ui/confirm-form";
import { parseRunbook, RUNBOOK_MAX_LENGTH, runbookProblems, type RunbookKind } from "@/lib/domain/runbook";
import { formatCount } from "@/lib/format";
import { ZRunbookInput, type TRunbook, type TRunbookInput } from "@/lib/validation/runbook";

type Props = { processKey: string; kind: RunbookKind; initial: RunbookDetailResponse; canEdit: boolean };

/**
 * One runbook: for its owners a markdown editor with a live preview, validated with the
 * schema the server uses; for everyone the version history, any older version, and
 * (for owners) "Restore this version", which saves it as a new version.
 */
export function RunbookEditor({ processKey, kind, initial, canEdit }: Props) {
  const { data } = useRunbook(processKey, kind, initial);
  const runbook = data.runbook;
  const save = useSaveRunbook(processKey, kind);
  const [selected, setSelected] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const textarea = useRef<HTMLTextAreaElement | null>(null);

  const form = useForm<TRunbookInput, unknown, TRunbook>({
    resolver: zodResolver(ZRunbookInput),
    defaultValues: { body: runbook.body, baseVersion: runbook.version },
    mode: "onTouched",
  });
  const { register, handleSubmit, formState, setError, reset, setValue } = form;
  const body = useWatch({ control: form.control, name: "body" }) ?? "";
  const preview = useMemo(() => parseRunbook(body), [body]);
  const baseVersion = useWatch({ control: form.control, name: "baseVersion" });
  const bodyField = register("body");
  // Someone saved a newer version while these edits were open.
  const stale = formState.isDirty && baseVersion !== undefined && baseVersion !== runbook.version;

  // A colleague's save arrives with the refetch: show it, unless the editor holds unsaved edits.
  useEffect(() => {
    if (!formState.isDirty) reset({ body: runbook.body, baseVersion: runbook.version });
  }, [runbook.version, runbook.body, formState.isDirty, reset]);

  const refused = (error: unknown) => {
    if (error instanceof ApiFormError) {
      for (const issue of error.issues) setError(issue.path.join(".") as Path<TRunbookInput>, { message: issue.message });
      if (error.issues.length === 0) setError("root", { message: error.message });
    } else {
      setError("root", { message: "The server cannot be reached; nothing was saved." });
    }
  };

  const onSubmit = handleSubmit(
    async (values) => {
      setNotice(null);
      try {
        const result = await save.mutateAsync(values);
        reset({ body: result.runbook.body, baseVersion: result.runbook.version });
        setNotice(result.saved ? `Saved as version ${result.runbook.version}.` : `Nothing to save: this is already version ${result.runbook.version}.`);
      } catch (error) {
        refused(error);
      }
    },
    () => setNotice(null),
  );

  const restore = async (version: { version: number; body: string }) => {
    setNotice(null);
    try {
      const result = await save.mutateAsync({ body: version.body, baseVersion: runbook.version, restoredFrom: version.version });
      reset({ body: result.runbook.body, baseVersion: result.runbook.version });
      setSelected(null);
      setNotice(
        result.saved
          ? `${version.version === 0 ? "The built-in runbook" : `Version ${version.version}`} restored as version ${result.runbook.version}.`
          : "Nothing to restore: that version is the same as the current one.",
      );
    } catch (error) {
      refused(error);
    }
  };

  const insert = (marker: string) => {
    const el = textarea.current;
    const start = el?.selectionStart ?? body.length;
    const end = el?.selectionEnd ?? body.length;
    const text = `${marker} `;
    setValue("body", body.slice(0, start) + text + body.slice(end), { shouldDirty: true, shouldValidate: formState.isSubmitted });
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + text.length, start + text.length);
    });
  };

  const bodyError = formState.errors.body;
  const problems = bodyError ? runbookProblems(body) : [];
  const shown = problems.length > 0 ? problems : bodyError?.message ? [bodyError.message] : [];

  return (
    <div className="space-y-4">
      {canEdit ? (
        <form onSubmit={onSubmit} noValidate className="grid gap-4 lg:grid-cols-2">
          <Card title="Markdown">
            <div className="space-y-2 p-4">
              <p id="runbook-help" className="text-xs text-slate-600">
                Four sections: <code className="font-mono">## Detect</code>, <code className="font-mono">## Diagnose</code>, <code className="font-mono">## Mitigate</code>,{" "}
                <code className="font-mono">## Rollback</code>; one step per line starting with <code className="font-mono">-</code>. On an incident, a step with an action marker
                offers that action for the affected cases.
              </p>
              <MarkerToolbar onInsert={insert} />
              <label htmlFor="runbook-body" className="sr-only">
                Runbook markdown
              </label>
              <textarea
                id="runbook-body"
                {...bodyField}
                onChange={(e) => {
                  setNotice(null);
                  return bodyField.onChange(e);
                }}
                ref={(el) => {
                  bodyField.ref(el);
                  textarea.current = el;
                }}
                rows={30}
                spellCheck
                aria-invalid={Boolean(bodyError)}
                aria-describedby={`runbook-help${shown.length ? " runbook-body-error" : ""}`}
                className="block w-full rounded-md border border-slate-300 px-2.5 py-2 font-mono text-[13px] leading-relaxed aria-[invalid=true]:border-red-500"
              />
              <div className="flex items-start justify-between gap-3">
                {shown.length ? (
                  <ul id="runbook-body-error" className="list-disc space-y-0.5 pl-5 text-sm text-red-700">
                    {shown.map((p) => (
                      <li key={p}>{p}</li>
                    ))}
                  </ul>
                ) : (
                  <span />
                )}
                <span className={`shrink-0 text-xs tabular-nums ${body.length > RUNBOOK_MAX_LENGTH ? "font-medium text-red-700" : "text-slate-500"}`}>
                  {formatCount(body.length)} / {formatCount(RUNBOOK_MAX_LENGTH)}
                </span>
              </div>
              {stale ? (
                <div role="status" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
                  <p>
                    {runbook.authorLabel ?? "Someone"} saved version {runbook.version} while you were editing version {baseVersion}. Read it in the history below, then keep
                    your text (it replaces theirs as version {runbook.version + 1}) or discard it.
                  </p>
                  <div className="flex gap-2">
                    <button
                      type="button"
                      onClick={() => {
                        setValue("baseVersion", runbook.version);
                        form.clearErrors("root");
                      }}
                      className="rounded border border-amber-400 bg-white px-2 py-1 text-xs font-medium hover:bg-amber-100"
                    >
                      Keep my text
                    </button>
                    <button
                      type="button"
                      onClick={() => reset({ body: runbook.body, baseVersion: runbook.version })}
                      className="rounded border border-amber-400 bg-white px-2 py-1 text-xs font-medium hover:bg-amber-100"
                    >
                      Load version {runbook.version}
                    </button>
                  </div>
                </div>
              ) : (
                <FormError message={formState.errors.root?.message} />
              )}
              {notice ? (
                <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
                  {notice}
                </p>
              ) : null}
              <div className="flex flex-wrap items-center gap-2">
                <button
                  type="submit"
                  disabled={formState.isSubmitting || !formState.isDirty || stale}
                  className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-50"
                >
                  {formState.isSubmitting ? "Saving…" : `Save as version ${runbook.version + 1}`}
                </button>
                <button
                  type="button"
                  disabled={!formState.isDirty}
                  onClick={() => {
                    reset({ body: runbook.body, baseVersion: runbook.version });
                    setNotice(null);
                  }}
                  className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-50 disabled:opacity-50"
                >
                  Discard changes
                </button>
                <Link href={`/processes/${processKey}/runbooks`} className="ml-auto text-sm text-slate-700 hover:underline">
                  Back to the runbooks
                </Link>
              </div>
            </div>
          </Card>
          <Card title="Preview">
            <div className="p-4">
              <RunbookView sections={preview} />
            </div>
          </Card>
        </form>
      ) : (
        <Card title={`Current version${runbook.isDefault ? " (built-in)" : ` (v${runbook.version})`}`}>
          <div className="p-4">
            <RunbookView sections={parseRunbook(runbook.body)} layout="grid" />
          </div>
        </Card>
      )}

      <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <Card title="Version history">
          <RunbookHistory runbook={runbook} selected={selected} onSelect={setSelected} />
        </Card>
        <Card title={selected === null ? "An older version" : selected === 0 ? "The built-in version" : `Version ${selected}`}>
          {selected === null ? (
            <p className="p-4 text-sm text-slate-600">Choose “View” on a version to read it as it was{canEdit ? ", and restore it if it was better" : ""}.</p>
          ) : (
            <RunbookVersionPanel
              processKey={processKey}
              kind={kind}
              version={selected}
              onRestore={canEdit ? (v) => void restore(v) : undefined}
              restoring={save.isPending}
              restoreNote={formState.isDirty ? "Restoring discards your unsaved edits." : `It becomes version ${runbook.version + 1}; nothing is lost.`}
            />
          )}
        </Card>
      </div>
    </div>
  );
}
