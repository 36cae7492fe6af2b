"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { FieldError, INPUT, LABEL, PRIMARY_BUTTON, SECONDARY_BUTTON, showServerError } from "@/components/oncall/form-bits";
import { teamKeys } from "@/components/teams/keys";
import { sendJson } from "@/components/teams/send-json";
import type { ProcessOwnership, TeamChoice } from "@/components/teams/types";
import { FormError } from "@/components/ui/confirm-form";
import { ZProcessOwnership, type TProcessOwnership, type TProcessOwnershipInput } from "@/lib/validation/team";

/** Managers set the owning team and the process owner, chosen among that team's members. */
export function ProcessOwnershipEditor({ ownership, teams, onDone }: { ownership: ProcessOwnership; teams: TeamChoice[]; onDone: () => void }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const form = useForm<TProcessOwnershipInput, unknown, TProcessOwnership>({
    resolver: zodResolver(ZProcessOwnership),
    defaultValues: { teamId: ownership.team?.id ?? "", ownerId: ownership.owner?.id ?? "" },
  });
  const teamId = useWatch({ control: form.control, name: "teamId" });
  const members = teams.find((t) => t.id === teamId)?.members ?? [];
  const save = useMutation({
    mutationFn: (values: TProcessOwnership) => sendJson("PUT", `/api/v1/processes/${ownership.key}/ownership`, values),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: teamKeys.all });
      router.refresh();
      onDone();
    },
    onError: (error) => showServerError(error, form.setError),
  });
  const errors = form.formState.errors;
  return (
    <form onSubmit={form.handleSubmit((v) => save.mutate(v))} noValidate className="space-y-3">
      <div>
        <label htmlFor="ownership-team" className={LABEL}>
          Owning team
        </label>
        <select
          id="ownership-team"
          {...form.register("teamId", { onChange: () => form.setValue("ownerId", "") })}
          aria-invalid={Boolean(errors.teamId)}
          aria-describedby="ownership-team-error"
          className={INPUT}
        >
          <option value="">Choose a team…</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
        <FieldError id="ownership-team-error" message={errors.teamId?.message} />
      </div>
      <div>
        <label htmlFor="ownership-owner" className={LABEL}>
          Process owner <span className="font-normal text-slate-500">(a member of the team)</span>
        </label>
        <select id="ownership-owner" {...form.register("ownerId")} aria-invalid={Boolean(errors.ownerId)} aria-describedby="ownership-owner-error" className={INPUT}>
          <option value="">Nobody yet</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
        <FieldError id="ownership-owner-error" message={errors.ownerId?.message} />
      </div>
      <FormError message={errors.root?.message} />
      <div className="flex gap-2">
        <button type="submit" disabled={save.isPending} className={PRIMARY_BUTTON}>
          {save.isPending ? "Saving…" : "Save ownership"}
        </button>
        <button type="button" onClick={onDone} className={SECONDARY_BUTTON}>
          Cancel
        </button>
      </div>
    </form>
  );
}
