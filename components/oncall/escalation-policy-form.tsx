"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useFieldArray, useForm, useWatch } from "react-hook-form";
import { EscalationTimetable } from "@/components/oncall/escalation-timetable";
import { FieldError, PRIMARY_BUTTON, SECONDARY_BUTTON, showServerError } from "@/components/oncall/form-bits";
import type { MemberOption, PolicyView } from "@/components/oncall/types";
import { teamKeys } from "@/components/teams/keys";
import { sendJson } from "@/components/teams/send-json";
import { FormError } from "@/components/ui/confirm-form";
import { MAX_STEPS, type EscalationPolicy, type EscalationTarget } from "@/lib/domain/escalation";
import { ZEscalationPolicyInput, type TEscalationPolicy, type TEscalationPolicyInput } from "@/lib/validation/schedule";

const KINDS: { kind: EscalationTarget["kind"]; label: string }[] = [
  { kind: "primary", label: "Primary on call" },
  { kind: "secondary", label: "Secondary on call" },
  { kind: "manager", label: "Team's manager" },
  { kind: "user", label: "A person…" },
];
const SMALL = "rounded-md border border-slate-300 px-2 py-1 text-sm aria-[invalid=true]:border-red-500";

/** The form's values as the domain reads them, for the live timetable (a half-typed field reads as invalid, not as a crash). */
type Watched = { steps?: ({ target?: { kind?: EscalationTarget["kind"]; userId?: string }; waitMinutes?: number } | undefined)[]; repeat?: number };

function asPolicy(values: Watched): EscalationPolicy {
  return {
    steps: (values.steps ?? []).map((s) => ({
      target: s?.target?.kind === "user" ? { kind: "user", userId: s.target.userId ?? "" } : { kind: s?.target?.kind ?? "primary" },
      waitMinutes: Number(s?.waitMinutes),
    })),
    repeat: Number(values.repeat),
  };
}

/** A team's policy for one severity: ordered steps, each a target and a wait, repeated K times; the timetable follows the edits. */
export function EscalationPolicyForm({ teamId, policy, people }: { teamId: string; policy: PolicyView; people: MemberOption[] }) {
  const queryClient = useQueryClient();
  const form = useForm<TEscalationPolicyInput, unknown, TEscalationPolicy>({
    resolver: zodResolver(ZEscalationPolicyInput),
    defaultValues: { severity: policy.severity, steps: policy.steps, repeat: policy.repeat },
  });
  const steps = useFieldArray({ control: form.control, name: "steps" });
  const values = useWatch({ control: form.control });
  const save = useMutation({
    mutationFn: (v: TEscalationPolicy) => sendJson<PolicyView>("PUT", `/api/v1/teams/${teamId}/escalation-policies/${policy.severity}`, v),
    onSuccess: async (saved) => {
      form.reset({ severity: saved.severity, steps: saved.steps, repeat: saved.repeat });
      await queryClient.invalidateQueries({ queryKey: teamKeys.policies(teamId) });
    },
    onError: (error) => showServerError(error, form.setError),
  });
  const [confirmingReset, setConfirmingReset] = useState(false);
  // The form is keyed by the policy's save time, so the refetched default remounts it.
  const reset = useMutation({
    mutationFn: () => sendJson<PolicyView>("DELETE", `/api/v1/teams/${teamId}/escalation-policies/${policy.severity}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teamKeys.policies(teamId) }),
  });
  const errors = form.formState.errors;
  const p = `policy-${policy.severity}`;
  const userName = (id: string) => people.find((u) => u.id === id)?.name ?? "a former user";

  return (
    <form onSubmit={form.handleSubmit((v) => save.mutate(v))} noValidate className="space-y-3">
      <ol aria-label={`${policy.severity} steps`} className="space-y-2">
        {steps.fields.map((field, i) => {
          const e = errors.steps?.[i];
          const kind = values.steps?.[i]?.target?.kind;
          // The error tree of a discriminated union does not know which branch failed.
          const userError = (e?.target as { userId?: { message?: string } } | undefined)?.userId?.message;
          return (
            <li key={field.id} className="space-y-1.5 rounded border border-slate-200 bg-white p-2">
              <div className="flex flex-wrap items-start gap-2">
                <span className="mt-1 w-5 text-xs tabular-nums text-slate-500">{i + 1}.</span>
                <div>
                  <label htmlFor={`${p}-${i}-kind`} className="sr-only">
                    Step {i + 1}: notify
                  </label>
                  <select id={`${p}-${i}-kind`} {...form.register(`steps.${i}.target.kind`)} className={SMALL}>
                    {KINDS.map((k) => (
                      <option key={k.kind} value={k.kind}>
                        {k.label}
                      </option>
                    ))}
                  </select>
                </div>
                {kind === "user" ? (
                  <div>
                    <label htmlFor={`${p}-${i}-user`} className="sr-only">
                      Step {i + 1}: person to notify
                    </label>
                    <select id={`${p}-${i}-user`} {...form.register(`steps.${i}.target.userId`)} aria-invalid={Boolean(userError)} aria-describedby={`${p}-${i}-user-error`} className={SMALL}>
                      <option value="">Choose…</option>
                      {people.map((u) => (
                        <option key={u.id} value={u.id}>
                          {u.name}
                        </option>
                      ))}
                    </select>
                    <FieldError id={`${p}-${i}-user-error`} message={userError} />
                  </div>
                ) : null}
              </div>
              <div className="flex flex-wrap items-start gap-2 pl-7">
                <div>
                  <label htmlFor={`${p}-${i}-wait`} className="text-sm text-slate-700">
                    then wait{" "}
                  </label>
                  <input
                    id={`${p}-${i}-wait`}
                    type="number"
                    min={1}
                    {...form.register(`steps.${i}.waitMinutes`, { valueAsNumber: true })}
                    aria-invalid={Boolean(e?.waitMinutes)}
                    aria-describedby={`${p}-${i}-wait-error`}
                    className={`${SMALL} w-20`}
                  />{" "}
                  <span className="text-sm text-slate-700">min</span>
                  <FieldError id={`${p}-${i}-wait-error`} message={e?.waitMinutes?.message} />
                </div>
                <span className="ml-auto flex gap-1">
                  <button type="button" disabled={i === 0} onClick={() => steps.move(i, i - 1)} aria-label={`Move step ${i + 1} up`} className="rounded px-1.5 text-slate-600 hover:bg-slate-100 disabled:opacity-30">
                    ↑
                  </button>
                  <button type="button" disabled={i === steps.fields.length - 1} onClick={() => steps.move(i, i + 1)} aria-label={`Move step ${i + 1} down`} className="rounded px-1.5 text-slate-600 hover:bg-slate-100 disabled:opacity-30">
                    ↓
                  </button>
                  <button type="button" onClick={() => steps.remove(i)} aria-label={`Remove step ${i + 1}`} className="rounded px-1.5 text-red-700 hover:bg-red-50">
                    ✕
                  </button>
                </span>
              </div>
            </li>
          );
        })}
      </ol>
      <FieldError id={`${p}-steps-error`} message={errors.steps?.message ?? errors.steps?.root?.message} />
      <div className="flex flex-wrap items-center gap-3">
        {steps.fields.length < MAX_STEPS ? (
          <button type="button" onClick={() => steps.append({ target: { kind: "secondary" }, waitMinutes: 10 })} className={SECONDARY_BUTTON}>
            Add a step
          </button>
        ) : null}
        <label htmlFor={`${p}-repeat`} className="text-sm text-slate-700">
          Repeat the steps
        </label>
        <input id={`${p}-repeat`} type="number" min={0} {...form.register("repeat", { valueAsNumber: true })} aria-invalid={Boolean(errors.repeat)} aria-describedby={`${p}-repeat-error`} className={`${SMALL} w-16`} />
        <span className="text-sm text-slate-700">more times</span>
      </div>
      <FieldError id={`${p}-repeat-error`} message={errors.repeat?.message} />
      <div className="rounded-md bg-slate-50 p-2">
        <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-600">If nobody acknowledges</h4>
        <EscalationTimetable policy={asPolicy(values)} userName={userName} />
      </div>
      <FormError message={errors.root?.message ?? reset.error?.message} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={save.isPending || !form.formState.isDirty} className={PRIMARY_BUTTON}>
          {save.isPending ? "Saving…" : `Save ${policy.severity} policy`}
        </button>
        {policy.isDefault ? null : confirmingReset ? (
          <span role="group" aria-label="Confirm the reset" className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
            Drop this team&apos;s {policy.severity} policy and use the default?
            <button type="button" onClick={() => reset.mutate()} disabled={reset.isPending} className={SECONDARY_BUTTON}>
              {reset.isPending ? "Resetting…" : "Use the default"}
            </button>
            <button type="button" onClick={() => setConfirmingReset(false)} disabled={reset.isPending} className={SECONDARY_BUTTON}>
              Keep it
            </button>
          </span>
        ) : (
          <button type="button" onClick={() => setConfirmingReset(true)} disabled={save.isPending} className={SECONDARY_BUTTON} aria-label={`Reset the ${policy.severity} policy to the default`}>
            Reset to default
          </button>
        )}
      </div>
    </form>
  );
}
