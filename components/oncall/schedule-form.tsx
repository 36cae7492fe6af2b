"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useFieldArray, useForm, useWatch } from "react-hook-form";
import { levelName } from "@/components/oncall/describe-layer";
import { FieldError, INPUT, LABEL, PRIMARY_BUTTON, SECONDARY_BUTTON, showServerError } from "@/components/oncall/form-bits";
import { scheduleKeys } from "@/components/oncall/keys";
import { MembersPicker } from "@/components/oncall/members-picker";
import type { MemberOption, ScheduleDetail } from "@/components/oncall/types";
import { teamKeys } from "@/components/teams/keys";
import { sendJson } from "@/components/teams/send-json";
import { FormError } from "@/components/ui/confirm-form";
import { ROTATION_UNITS } from "@/lib/domain/oncall";
import { ZScheduleInput, type TSchedule, type TScheduleInput } from "@/lib/validation/schedule";

function initialValues(schedule: ScheduleDetail | null, members: MemberOption[], today: string): TScheduleInput {
  if (schedule) {
    return {
      name: schedule.name,
      timeZone: schedule.timeZone,
      layers: schedule.layers.map((l) => ({ ...l, level: l.level as 1 | 2, members: l.members.map((m) => m.id) })),
    };
  }
  return {
    name: "Primary rotation",
    timeZone: "Europe/Berlin",
    layers: [{ level: 1, members: members.slice(0, 2).map((m) => m.id), rotationEvery: 1, rotationUnit: "weeks", handoffTime: "09:00", startDate: today }],
  };
}

/**
 * Creates the team's schedule or replaces its layers: who rotates, in which order, how
 * often, at what local time and from which day. Validated with the server's schema.
 */
export function ScheduleForm({ teamId, schedule, members, today, onDone }: { teamId: string; schedule: ScheduleDetail | null; members: MemberOption[]; today: string; onDone?: () => void }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const form = useForm<TScheduleInput, unknown, TSchedule>({ resolver: zodResolver(ZScheduleInput), defaultValues: initialValues(schedule, members, today) });
  const layers = useFieldArray({ control: form.control, name: "layers" });
  // Filled on first focus: the zone list differs between the server's and the browser's ICU.
  const [zones, setZones] = useState<string[]>([]);
  const save = useMutation({
    mutationFn: (values: TSchedule) =>
      schedule ? sendJson<{ id: string }>("PUT", `/api/v1/schedules/${schedule.id}`, values) : sendJson<{ id: string }>("POST", "/api/v1/schedules", { ...values, teamId }),
    onSuccess: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: scheduleKeys.all }), queryClient.invalidateQueries({ queryKey: teamKeys.all })]);
      router.refresh();
      onDone?.();
    },
    onError: (error) => showServerError(error, form.setError),
  });
  const errors = form.formState.errors;
  const watchedLayers = useWatch({ control: form.control, name: "layers" });
  const usedLevels = watchedLayers.map((l) => Number(l.level));

  return (
    <form onSubmit={form.handleSubmit((v) => save.mutate(v))} noValidate className="space-y-4">
      <div className="grid gap-3 md:grid-cols-2">
        <div>
          <label htmlFor="schedule-name" className={LABEL}>
            Schedule name
          </label>
          <input id="schedule-name" {...form.register("name")} aria-invalid={Boolean(errors.name)} aria-describedby="schedule-name-error" className={INPUT} />
          <FieldError id="schedule-name-error" message={errors.name?.message} />
        </div>
        <div>
          <label htmlFor="schedule-zone" className={LABEL}>
            Time zone of the handoffs
          </label>
          <input
            id="schedule-zone"
            list="schedule-zones"
            onFocus={() => setZones((z) => (z.length ? z : Intl.supportedValuesOf("timeZone")))}
            {...form.register("timeZone")} aria-invalid={Boolean(errors.timeZone)} aria-describedby="schedule-zone-error" className={INPUT} />
          <datalist id="schedule-zones">
            {zones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          <FieldError id="schedule-zone-error" message={errors.timeZone?.message} />
        </div>
      </div>

      {layers.fields.map((field, i) => {
        const e = errors.layers?.[i];
        const p = `layer-${i}`;
        return (
          <fieldset key={field.id} className="rounded-md border border-slate-200 p-3">
            <legend className="px-1 text-sm font-semibold text-slate-800">{levelName(Number(watchedLayers[i]?.level))} layer</legend>
            <div className="grid gap-3 md:grid-cols-[2fr_1fr_1fr]">
              <div className="md:row-span-2">
                <label htmlFor={`${p}-members`} className={LABEL}>
                  Rotation, in order
                </label>
                <Controller
                  control={form.control}
                  name={`layers.${i}.members`}
                  render={({ field: f }) => (
                    <MembersPicker id={`${p}-members`} value={f.value} onChange={f.onChange} options={members} invalid={Boolean(e?.members)} describedBy={`${p}-members-error`} />
                  )}
                />
                <FieldError id={`${p}-members-error`} message={e?.members?.message ?? e?.members?.root?.message ?? (Array.isArray(e?.members) ? e.members.find(Boolean)?.message : undefined)} />
              </div>
              <div>
                <label htmlFor={`${p}-every`} className={LABEL}>
                  Hand over every
                </label>
                <div className="flex gap-2">
                  <input id={`${p}-every`} type="number" min={1} {...form.register(`layers.${i}.rotationEvery`, { valueAsNumber: true })} aria-invalid={Boolean(e?.rotationEvery)} aria-describedby={`${p}-every-error`} className={`${INPUT} w-20`} />
                  <label htmlFor={`${p}-unit`} className="sr-only">
                    Unit
                  </label>
                  <select id={`${p}-unit`} {...form.register(`layers.${i}.rotationUnit`)} className={INPUT}>
                    {ROTATION_UNITS.map((u) => (
                      <option key={u} value={u}>
                        {u}
                      </option>
                    ))}
                  </select>
                </div>
                <FieldError id={`${p}-every-error`} message={e?.rotationEvery?.message} />
              </div>
              <div>
                <label htmlFor={`${p}-level`} className={LABEL}>
                  Level
                </label>
                <select id={`${p}-level`} {...form.register(`layers.${i}.level`, { setValueAs: Number })} aria-invalid={Boolean(e?.level)} aria-describedby={`${p}-level-error`} className={INPUT}>
                  <option value={1}>Primary</option>
                  <option value={2}>Secondary</option>
                </select>
                <FieldError id={`${p}-level-error`} message={e?.level?.message} />
              </div>
              <div>
                <label htmlFor={`${p}-handoff`} className={LABEL}>
                  Handoff time (local)
                </label>
                <input id={`${p}-handoff`} type="time" {...form.register(`layers.${i}.handoffTime`)} aria-invalid={Boolean(e?.handoffTime)} aria-describedby={`${p}-handoff-error`} className={INPUT} />
                <FieldError id={`${p}-handoff-error`} message={e?.handoffTime?.message} />
              </div>
              <div>
                <label htmlFor={`${p}-start`} className={LABEL}>
                  First shift on
                </label>
                <input id={`${p}-start`} type="date" {...form.register(`layers.${i}.startDate`)} aria-invalid={Boolean(e?.startDate)} aria-describedby={`${p}-start-error`} className={INPUT} />
                <FieldError id={`${p}-start-error`} message={e?.startDate?.message} />
              </div>
            </div>
            {layers.fields.length > 1 ? (
              <button type="button" onClick={() => layers.remove(i)} className={`${SECONDARY_BUTTON} mt-2`}>
                Remove this layer
              </button>
            ) : null}
          </fieldset>
        );
      })}
      <FieldError id="schedule-layers-error" message={errors.layers?.message ?? errors.layers?.root?.message} />
      {layers.fields.length < 2 ? (
        <button
          type="button"
          onClick={() => layers.append({ level: usedLevels.includes(2) ? 1 : 2, members: [], rotationEvery: 1, rotationUnit: "weeks", handoffTime: "09:00", startDate: today })}
          className={SECONDARY_BUTTON}
        >
          Add a {usedLevels.includes(2) ? "primary" : "secondary"} layer
        </button>
      ) : null}
      <FormError message={errors.root?.message} />
      <div className="flex gap-2">
        <button type="submit" disabled={save.isPending} className={PRIMARY_BUTTON}>
          {save.isPending ? "Saving…" : schedule ? "Save rotation" : "Create schedule"}
        </button>
        {onDone ? (
          <button type="button" onClick={onDone} className={SECONDARY_BUTTON}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
