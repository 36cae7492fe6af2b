"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { DateTime } from "luxon";
import { useRouter } from "next/navigation";
import { Controller, useForm } from "react-hook-form";
import { FieldError, INPUT, LABEL, PRIMARY_BUTTON, SECONDARY_BUTTON, showServerError } from "@/components/oncall/form-bits";
import { scheduleKeys } from "@/components/oncall/keys";
import type { MemberOption } from "@/components/oncall/types";
import { ZonedDateTimeInput } from "@/components/oncall/zoned-datetime-input";
import { teamKeys } from "@/components/teams/keys";
import { sendJson } from "@/components/teams/send-json";
import { FormError } from "@/components/ui/confirm-form";
import { ZOverrideInput, type TOverride, type TOverrideInput } from "@/lib/validation/schedule";

/** The next whole hour and a day later, in ISO: a sensible first guess for "covers from … to …". */
function defaults(): TOverrideInput {
  const start = DateTime.utc().startOf("hour").plus({ hours: 1 });
  return { level: 1, userId: "", replacesUserId: "", startsAt: start.toISO()!, endsAt: start.plus({ days: 1 }).toISO()!, reason: "" };
}

/** "Ana covers Ben from … to …": on one level, for one person on the rotation or whoever holds it. */
export function OverrideForm({ scheduleId, zone, members, onDone }: { scheduleId: string; zone: string; members: MemberOption[]; onDone: () => void }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const form = useForm<TOverrideInput, unknown, TOverride>({ resolver: zodResolver(ZOverrideInput), defaultValues: defaults() });
  const save = useMutation({
    mutationFn: (values: TOverride) => sendJson("POST", `/api/v1/schedules/${scheduleId}/overrides`, values),
    onSuccess: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: scheduleKeys.detail(scheduleId) }), queryClient.invalidateQueries({ queryKey: teamKeys.all })]);
      router.refresh();
      onDone();
    },
    onError: (error) => showServerError(error, form.setError),
  });
  const errors = form.formState.errors;
  const options = (none: string) => [
    <option key="" value="">
      {none}
    </option>,
    ...members.map((m) => (
      <option key={m.id} value={m.id}>
        {m.name}
      </option>
    )),
  ];

  return (
    <form onSubmit={form.handleSubmit((v) => save.mutate(v))} noValidate className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3">
      <div className="grid gap-3 md:grid-cols-3">
        <div>
          <label htmlFor="override-user" className={LABEL}>
            Who covers
          </label>
          <select id="override-user" {...form.register("userId")} aria-invalid={Boolean(errors.userId)} aria-describedby="override-user-error" className={INPUT}>
            {options("Choose a person…")}
          </select>
          <FieldError id="override-user-error" message={errors.userId?.message} />
        </div>
        <div>
          <label htmlFor="override-replaces" className={LABEL}>
            Covers for
          </label>
          <select id="override-replaces" {...form.register("replacesUserId")} aria-invalid={Boolean(errors.replacesUserId)} aria-describedby="override-replaces-error" className={INPUT}>
            {options("Whoever is on rotation")}
          </select>
          <FieldError id="override-replaces-error" message={errors.replacesUserId?.message} />
        </div>
        <div>
          <label htmlFor="override-level" className={LABEL}>
            Level
          </label>
          <select id="override-level" {...form.register("level", { setValueAs: Number })} className={INPUT}>
            <option value={1}>Primary</option>
            <option value={2}>Secondary</option>
          </select>
        </div>
        <div>
          <label htmlFor="override-start" className={LABEL}>
            From ({zone})
          </label>
          <Controller
            control={form.control}
            name="startsAt"
            render={({ field }) => (
              <ZonedDateTimeInput id="override-start" value={field.value} onChange={field.onChange} onBlur={field.onBlur} zone={zone} invalid={Boolean(errors.startsAt)} describedBy="override-start-error" />
            )}
          />
          <FieldError id="override-start-error" message={errors.startsAt?.message} />
        </div>
        <div>
          <label htmlFor="override-end" className={LABEL}>
            To ({zone})
          </label>
          <Controller
            control={form.control}
            name="endsAt"
            render={({ field }) => (
              <ZonedDateTimeInput id="override-end" value={field.value} onChange={field.onChange} onBlur={field.onBlur} zone={zone} invalid={Boolean(errors.endsAt)} describedBy="override-end-error" />
            )}
          />
          <FieldError id="override-end-error" message={errors.endsAt?.message} />
        </div>
        <div>
          <label htmlFor="override-reason" className={LABEL}>
            Reason <span className="font-normal text-slate-500">(optional)</span>
          </label>
          <input id="override-reason" {...form.register("reason")} aria-invalid={Boolean(errors.reason)} aria-describedby="override-reason-error" className={INPUT} placeholder="Ben at a wedding" />
          <FieldError id="override-reason-error" message={errors.reason?.message} />
        </div>
      </div>
      <FormError message={errors.root?.message} />
      <div className="flex gap-2">
        <button type="submit" disabled={save.isPending} className={PRIMARY_BUTTON}>
          {save.isPending ? "Adding…" : "Add override"}
        </button>
        <button type="button" onClick={onDone} className={SECONDARY_BUTTON}>
          Cancel
        </button>
      </div>
    </form>
  );
}
