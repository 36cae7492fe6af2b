"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { ConfirmButtons, FormError } from "@/components/ui/confirm-form";
import { Dialog } from "@/components/ui/dialog";
import { detectorOptions, ZDetectorSettings, type DetectorOptions, type TDetectorSettings } from "@/lib/validation/detectors";

type Name = keyof TDetectorSettings;
type Field = { name: Name; group: string; label: string; hint: string; unit?: string; percent?: boolean; pick: (o: DetectorOptions) => number };
export type ProcessDetectors = { settings: TDetectorSettings; effective: DetectorOptions };

const FIELDS: Field[] = [
  { name: "stuckThreshold", group: "Stuck cases", label: "Stuck cases before an incident", hint: "An incident opens when more open cases than this are stuck.", pick: (o) => o.stuck.threshold },
  { name: "outageMinFailures", group: "Dependency outage", label: "Minimum failures", hint: "Failed attempts of one provider within the window.", pick: (o) => o.outage.minFailures },
  { name: "outageMinRatio", group: "Dependency outage", label: "Minimum failure ratio", unit: "%", percent: true, hint: "Share of that provider's attempts that failed, as a percent up to 100.", pick: (o) => o.outage.minRatio },
  { name: "outageWindowMinutes", group: "Dependency outage", label: "Window", unit: "min", hint: "Minutes of attempts counted, 1 to 60.", pick: (o) => o.outage.windowMinutes },
  { name: "regressionMinSample", group: "Version regression", label: "Minimum finished cases per version", hint: "The new and the previous version each need this many before they are compared.", pick: (o) => o.regression.minSample },
];
const GROUPS = [...new Set(FIELDS.map((f) => f.group))];
const DEFAULTS = detectorOptions({});

/** 0.5 → 50, without the float noise of 0.07 × 100. */
const toPercent = (ratio: number) => Number((ratio * 100).toPrecision(12));
const shown = (f: Field, value: number) => (f.percent ? String(toPercent(value)) : String(value));
const withUnit = (f: Field, value: number) => `${shown(f, value)}${f.unit === "%" ? "%" : f.unit ? ` ${f.unit}` : ""}`;

/** The inputs hold text; an empty one means "the default". */
type FormValues = Record<Name, string>;

function toSettings(values: FormValues) {
  return Object.fromEntries(
    FIELDS.map((f) => {
      const text = values[f.name].trim();
      return [f.name, text === "" ? undefined : f.percent ? Number(text) / 100 : Number(text)];
    }),
  );
}

// The API's own schema validates, after the percent is turned back into a ratio
// (whose messages errorOf rewords); a fraction or text in a count reads as this.
const validate = zodResolver(ZDetectorSettings, { error: (issue) => (issue.code === "invalid_type" ? "Enter a whole number." : undefined) });
const resolver: Resolver<FormValues, unknown, TDetectorSettings> = (values, context, options) =>
  validate(toSettings(values), context, { ...options, names: options.names });

/** The effective incident thresholds, each marked when it is the default. */
export function DetectorSettingsList({ detectors }: { detectors: ProcessDetectors }) {
  return (
    <dl className="divide-y divide-slate-100 text-sm">
      {FIELDS.map((f) => (
        <div key={f.name} className="flex items-baseline justify-between gap-3 px-4 py-2">
          <dt className="text-slate-700">
            <span className="text-slate-500">{f.group}:</span> {f.label.toLowerCase()}
          </dt>
          <dd className="tabular-nums">
            {withUnit(f, f.pick(detectors.effective))}
            {detectors.settings[f.name] === undefined ? <span className="ml-1 text-xs text-slate-500">(default)</span> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** A process owner tunes when the stuck, outage and regression detectors open an incident. */
export function DetectorSettingsEditor({ process, settings }: { process: string; settings: TDetectorSettings }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} className="rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium hover:bg-slate-50">
        Edit incident thresholds
      </button>
      {open ? (
        <Dialog open onClose={() => setOpen(false)} title="Incident thresholds">
          <DetectorSettingsForm process={process} settings={settings} onDone={() => setOpen(false)} />
        </Dialog>
      ) : null}
    </>
  );
}

function DetectorSettingsForm({ process, settings, onDone }: { process: string; settings: TDetectorSettings; onDone: () => void }) {
  const router = useRouter();
  const { register, handleSubmit, formState, setError } = useForm<FormValues, unknown, TDetectorSettings>({
    resolver,
    defaultValues: Object.fromEntries(FIELDS.map((f) => [f.name, settings[f.name] === undefined ? "" : shown(f, settings[f.name]!)])) as FormValues,
  });
  const errors = formState.errors;
  const errorOf = (f: Field) => (errors[f.name] && f.percent ? "Enter a percent above 0, at most 100." : errors[f.name]?.message);

  const onSubmit = handleSubmit(async (values) => {
    const res = await fetch(`/api/v1/processes/${process}/detectors`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(values),
    }).catch(() => null);
    const body = (await res?.json().catch(() => null)) as { message?: string; issues?: { path: (string | number)[]; message: string }[] } | null;
    if (!res?.ok) {
      for (const issue of body?.issues ?? []) {
        const field = FIELDS.find((f) => f.name === issue.path[0]);
        if (field) setError(field.name, { message: issue.message });
      }
      setError("root", { message: body?.message ?? "The server cannot be reached; nothing was saved." });
      return;
    }
    onDone();
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <p className="text-sm text-slate-700">When this process&apos;s detectors open an incident. Leave a field empty to use the default.</p>
      {GROUPS.map((group) => (
        <fieldset key={group} className="space-y-2">
          <legend className="text-sm font-semibold text-slate-800">{group}</legend>
          {FIELDS.filter((f) => f.group === group).map((f) => {
            const id = `detector-${f.name}`;
            const error = errorOf(f);
            const fallback = shown(f, f.pick(DEFAULTS));
            return (
              <div key={f.name}>
                <label htmlFor={id} className="block text-sm font-medium text-slate-700">
                  {f.label}
                  {f.unit ? ` (${f.unit})` : ""}
                </label>
                <input
                  id={id}
                  type="number"
                  step="any"
                  placeholder={fallback}
                  {...register(f.name)}
                  aria-invalid={Boolean(error)}
                  aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
                  className="mt-1 block w-40 rounded-md border border-slate-300 px-2 py-1.5 text-sm aria-[invalid=true]:border-red-500"
                />
                <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
                  {f.hint} Empty: default {withUnit(f, f.pick(DEFAULTS))}.
                </p>
                {error ? (
                  <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
                    {error}
                  </p>
                ) : null}
              </div>
            );
          })}
        </fieldset>
      ))}
      <FormError message={errors.root?.message} />
      <ConfirmButtons onBack={onDone} disabled={false} pending={formState.isSubmitting} label="Save thresholds" />
    </form>
  );
}
