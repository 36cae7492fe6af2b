"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useFieldArray, useForm, useWatch } from "react-hook-form";
import { FieldError, INPUT, LABEL, PRIMARY_BUTTON, SECONDARY_BUTTON, showServerError } from "@/components/oncall/form-bits";
import type { Person, TeamDetail } from "@/components/teams/types";
import { toTeamInput, useSaveTeam } from "@/components/teams/use-save-team";
import { FormError } from "@/components/ui/confirm-form";
import { TEAM_ROLES, ZTeamInput, type TTeam, type TTeamInput } from "@/lib/validation/team";

/** Managers and admins edit the team's name, who is in it and who manages it. */
export function TeamMembersForm({ team, people }: { team: TeamDetail; people: Person[] }) {
  const form = useForm<TTeamInput, unknown, TTeam>({ resolver: zodResolver(ZTeamInput), defaultValues: toTeamInput(team) });
  const members = useFieldArray({ control: form.control, name: "members" });
  const save = useSaveTeam(team, (error) => showServerError(error, form.setError));
  const errors = form.formState.errors;
  const chosen = new Set(useWatch({ control: form.control, name: "members" }).map((m) => m.userId));
  const addable = people.filter((p) => !chosen.has(p.id));

  return (
    <form onSubmit={form.handleSubmit((v) => save.mutate({ name: v.name, members: v.members }, { onSuccess: () => form.reset(form.getValues()) }))} noValidate className="space-y-3 p-4">
      <div>
        <label htmlFor="team-name" className={LABEL}>
          Team name
        </label>
        <input id="team-name" {...form.register("name")} aria-invalid={Boolean(errors.name)} aria-describedby="team-name-error" className={INPUT} />
        <FieldError id="team-name-error" message={errors.name?.message} />
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Members and team roles</legend>
        <ul className="mt-1 divide-y divide-slate-100 rounded-md border border-slate-200">
          {members.fields.map((field, i) => {
            const person = people.find((p) => p.id === field.userId) ?? team.members.find((m) => m.id === field.userId);
            return (
              <li key={field.id} className="flex flex-wrap items-center gap-2 px-3 py-1.5">
                <span className="min-w-40 flex-1 text-sm">
                  <span className="font-medium">{person?.name ?? field.userId}</span>
                  <span className="block text-xs text-slate-600">{person?.email}</span>
                </span>
                <label htmlFor={`member-${i}-role`} className="sr-only">
                  Team role of {person?.name ?? field.userId}
                </label>
                <select id={`member-${i}-role`} {...form.register(`members.${i}.role`)} className="rounded-md border border-slate-300 px-2 py-1 text-sm">
                  {TEAM_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
                <button type="button" onClick={() => members.remove(i)} className={SECONDARY_BUTTON} aria-label={`Remove ${person?.name ?? field.userId}`}>
                  Remove
                </button>
                <FieldError id={`member-${i}-error`} message={errors.members?.[i]?.userId?.message} />
              </li>
            );
          })}
          {members.fields.length === 0 ? <li className="px-3 py-2 text-sm text-slate-600">No members yet.</li> : null}
        </ul>
        <FieldError id="members-error" message={errors.members?.message ?? errors.members?.root?.message} />
      </fieldset>
      {addable.length ? (
        <div className="flex items-end gap-2">
          <div className="flex-1">
            <label htmlFor="member-add" className={LABEL}>
              Add a member
            </label>
            <select
              id="member-add"
              value=""
              onChange={(e) => {
                if (e.target.value) members.append({ userId: e.target.value, role: "member" });
              }}
              className={INPUT}
            >
              <option value="">Choose a person…</option>
              {addable.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({p.email})
                </option>
              ))}
            </select>
          </div>
        </div>
      ) : null}
      <FormError message={errors.root?.message} />
      <button type="submit" disabled={save.isPending || !form.formState.isDirty} className={PRIMARY_BUTTON}>
        {save.isPending ? "Saving…" : "Save members"}
      </button>
    </form>
  );
}
