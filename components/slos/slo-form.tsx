"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useFieldArray, useForm, useWatch, type Path } from "react-hook-form";
import { SLI_LABEL } from "@/components/slos/labels";
import { FormError } from "@/components/ui/confirm-form";
import { CYCLE_TARGET_SECONDS } from "@/lib/domain/case-stats";
import { BURN_WINDOW_NAMES, DEFAULT_MIN_BAD_EVENTS, DEFAULT_TIERS, maxBurnRate, SLI_TYPES, SLO_WINDOW_DAYS, tierFactor, type AlertTier } from "@/lib/domain/slo";
import { formatDuration } from "@/lib/format";
import { ZSloInput, type TSlo, type TSloInput } from "@/lib/validation/slo";

const input = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm aria-[invalid=true]:border-red-500";

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="mt-1 text-sm text-red-700">
      {message}
    </p>
  ) : null;
}

/**
 * Creates or edits an SLO. The form validates with the same schema the server uses
 * (lib/validation/slo.ts); the server's refusals land on the fields they name.
 */
export function SloForm({ process, versions, initial, sloId }: { process: string; versions: string[]; initial?: TSloInput; sloId?: string }) {
  const router = useRouter();
  const form = useForm<TSloInput, unknown, TSlo>({
    resolver: zodResolver(ZSloInput),
    defaultValues: initial ?? {
      name: "",
      process,
      version: "",
      sli: "cycle_time",
      targetSec: 86400,
      objective: 95,
      windowDays: 30,
      tiers: [...DEFAULT_TIERS],
      minBadEvents: DEFAULT_MIN_BAD_EVENTS,
    },
  });
  const { register, handleSubmit, formState, setError } = form;
  const tiers = useFieldArray({ control: form.control, name: "tiers" });
  const values = useWatch({ control: form.control });
  const sli = values.sli;
  const objective = Number(values.objective);
  const windowDays = Number(values.windowDays);
  const errors = formState.errors;

  const onSubmit = handleSubmit(async (values) => {
    const res = await fetch(sloId ? `/api/v1/slos/${sloId}` : "/api/v1/slos", {
      method: sloId ? "PUT" : "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(values),
    }).catch(() => null);
    const body = (await res?.json().catch(() => null)) as { id?: string; message?: string; error?: string; issues?: { path: (string | number)[]; message: string }[] } | null;
    if (!res?.ok) {
      for (const issue of body?.issues ?? []) setError(issue.path.join(".") as Path<TSloInput>, { message: issue.message });
      setError("root", { message: body?.message ?? "The server cannot be reached; nothing was saved." });
      return;
    }
    router.push(`/slos/${body!.id}`);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <input type="hidden" {...register("process")} />
      <div className="grid gap-4 md:grid-cols-2">
        <div>
          <label htmlFor="slo-name" className="block text-sm font-medium text-slate-700">
            Name
          </label>
          <input id="slo-name" {...register("name")} aria-invalid={Boolean(errors.name)} aria-describedby="slo-name-error" className={input} placeholder="Loans decided within a day" />
          <FieldError id="slo-name-error" message={errors.name?.message} />
        </div>
        <div>
          <label htmlFor="slo-sli" className="block text-sm font-medium text-slate-700">
            What to measure
          </label>
          <select
            id="slo-sli"
            {...register("sli", {
              onChange: (e) => form.setValue("targetSec", e.target.value === "cycle_time" ? 86400 : undefined),
            })}
            className={input}
          >
            {SLI_TYPES.map((s) => (
              <option key={s} value={s}>
                {SLI_LABEL[s]}
              </option>
            ))}
          </select>
        </div>
        {sli === "cycle_time" ? (
          <div>
            <label htmlFor="slo-target" className="block text-sm font-medium text-slate-700">
              Target cycle time
            </label>
            <select id="slo-target" {...register("targetSec", { setValueAs: (v) => (v === "" ? undefined : Number(v)) })} aria-invalid={Boolean(errors.targetSec)} className={input}>
              {CYCLE_TARGET_SECONDS.map((s) => (
                <option key={s} value={s}>
                  {formatDuration(s)}
                </option>
              ))}
            </select>
            <FieldError id="slo-target-error" message={errors.targetSec?.message} />
          </div>
        ) : null}
        <div>
          <label htmlFor="slo-version" className="block text-sm font-medium text-slate-700">
            Version
          </label>
          <select id="slo-version" {...register("version")} aria-invalid={Boolean(errors.version)} className={input} disabled={sli === "stuck_ratio"}>
            <option value="">All versions</option>
            {versions.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
          <FieldError id="slo-version-error" message={errors.version?.message} />
        </div>
        <div>
          <label htmlFor="slo-objective" className="block text-sm font-medium text-slate-700">
            Objective (% good)
          </label>
          <input
            id="slo-objective"
            type="number"
            step="any"
            {...register("objective", { valueAsNumber: true })}
            aria-invalid={Boolean(errors.objective)}
            aria-describedby="slo-objective-error"
            className={input}
          />
          <FieldError id="slo-objective-error" message={errors.objective?.message} />
        </div>
        <div>
          <label htmlFor="slo-window" className="block text-sm font-medium text-slate-700">
            Rolling window
          </label>
          <select id="slo-window" {...register("windowDays", { setValueAs: Number })} className={input}>
            {SLO_WINDOW_DAYS.map((d) => (
              <option key={d} value={d}>
                {d} days
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="slo-minbad" className="block text-sm font-medium text-slate-700">
            Fewest bad events that may page
          </label>
          <input id="slo-minbad" type="number" {...register("minBadEvents", { valueAsNumber: true })} aria-invalid={Boolean(errors.minBadEvents)} className={input} />
          <FieldError id="slo-minbad-error" message={errors.minBadEvents?.message} />
        </div>
      </div>

      <fieldset>
        <legend className="text-sm font-semibold text-slate-800">Alert tiers</legend>
        <p className="text-xs text-slate-600">A tier fires when both windows burn the budget faster than its factor (the share of the budget it would spend in the long window).</p>
        <table className="mt-2 w-full text-sm">
          <thead>
            <tr className="text-left text-xs uppercase text-slate-600">
              <th className="py-1">Severity</th>
              <th>Long window</th>
              <th>Short window</th>
              <th>Budget share (0–1)</th>
              <th>Factor</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {tiers.fields.map((field, i) => {
              const tier = values.tiers?.[i] as AlertTier | undefined;
              const factor = Number.isFinite(windowDays) && tier ? tierFactor({ ...tier, budgetShare: Number(tier.budgetShare) }, windowDays) : NaN;
              const unreachable = objective > 0 && objective < 100 && factor > maxBurnRate(objective / 100);
              return (
                <tr key={field.id} className="align-top">
                  <td className="py-1 pr-2">
                    <select aria-label={`Tier ${i + 1} severity`} {...register(`tiers.${i}.severity`)} className={input}>
                      <option value="page">Page</option>
                      <option value="ticket">Ticket</option>
                    </select>
                  </td>
                  <td className="pr-2">
                    <select aria-label={`Tier ${i + 1} long window`} {...register(`tiers.${i}.longWindow`)} className={input}>
                      {BURN_WINDOW_NAMES.map((w) => (
                        <option key={w}>{w}</option>
                      ))}
                    </select>
                  </td>
                  <td className="pr-2">
                    <select aria-label={`Tier ${i + 1} short window`} {...register(`tiers.${i}.shortWindow`)} className={input}>
                      {BURN_WINDOW_NAMES.map((w) => (
                        <option key={w}>{w}</option>
                      ))}
                    </select>
                    <FieldError id={`tier-${i}-short`} message={errors.tiers?.[i]?.shortWindow?.message} />
                  </td>
                  <td className="pr-2">
                    <input
                      aria-label={`Tier ${i + 1} budget share`}
                      type="number"
                      step="any"
                      {...register(`tiers.${i}.budgetShare`, { valueAsNumber: true })}
                      className={input}
                    />
                    <FieldError id={`tier-${i}-share`} message={errors.tiers?.[i]?.budgetShare?.message} />
                  </td>
                  <td className="pt-2 tabular-nums">
                    {Number.isFinite(factor) ? factor.toFixed(2) : "—"}
                    {unreachable ? <span className="block text-xs font-medium text-amber-800">can never fire at this objective (max burn {maxBurnRate(objective / 100).toFixed(1)})</span> : null}
                  </td>
                  <td className="pt-1 text-right">
                    <button type="button" onClick={() => tiers.remove(i)} className="rounded border border-slate-300 px-2 py-1 text-xs">
                      Remove
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <FieldError id="slo-tiers-error" message={errors.tiers?.message ?? errors.tiers?.root?.message} />
        <button type="button" onClick={() => tiers.append({ severity: "ticket", longWindow: "1d", shortWindow: "2h", budgetShare: 0.1 })} className="mt-2 rounded-md border border-slate-300 px-2.5 py-1 text-sm">
          Add a tier
        </button>
      </fieldset>

      <FormError message={errors.root?.message} />
      <div className="flex gap-2">
        <button type="submit" disabled={formState.isSubmitting} className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-50">
          {formState.isSubmitting ? "Saving…" : sloId ? "Save changes" : "Create SLO"}
        </button>
        <button type="button" onClick={() => router.back()} className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium">
          Cancel
        </button>
      </div>
    </form>
  );
}
