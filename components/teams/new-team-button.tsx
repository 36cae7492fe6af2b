"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FieldError, INPUT, LABEL, PRIMARY_BUTTON, SECONDARY_BUTTON, showServerError } from "@/components/oncall/form-bits";
import { teamKeys } from "@/components/teams/keys";
import { sendJson } from "@/components/teams/send-json";
import { FormError } from "@/components/ui/confirm-form";
import { Dialog } from "@/components/ui/dialog";
import { ZTeamInput, type TTeam, type TTeamInput } from "@/lib/validation/team";

/** Creates an empty team by name; members, schedule and policies are set on its page. */
export function NewTeamButton() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const form = useForm<TTeamInput, unknown, TTeam>({ resolver: zodResolver(ZTeamInput), defaultValues: { name: "", members: [] } });
  const create = useMutation({
    mutationFn: (values: TTeam) => sendJson<{ id: string }>("POST", "/api/v1/teams", values),
    onSuccess: async (team) => {
      await queryClient.invalidateQueries({ queryKey: teamKeys.list() });
      router.push(`/teams/${team.id}`);
    },
    onError: (error) => showServerError(error, form.setError),
  });
  const errors = form.formState.errors;
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} className={PRIMARY_BUTTON}>
        New team
      </button>
      {open ? (
        <Dialog open onClose={() => setOpen(false)} title="New team">
          <form onSubmit={form.handleSubmit((v) => create.mutate(v))} noValidate className="space-y-3">
            <div>
              <label htmlFor="team-name" className={LABEL}>
                Name
              </label>
              <input id="team-name" {...form.register("name")} aria-invalid={Boolean(errors.name)} aria-describedby="team-name-error" className={INPUT} placeholder="Payments" />
              <FieldError id="team-name-error" message={errors.name?.message} />
            </div>
            <FormError message={errors.root?.message} />
            <div className="flex justify-end gap-2">
              <button type="button" onClick={() => setOpen(false)} className={SECONDARY_BUTTON}>
                Cancel
              </button>
              <button type="submit" disabled={create.isPending} className={PRIMARY_BUTTON}>
                {create.isPending ? "Creating…" : "Create team"}
              </button>
            </div>
          </form>
        </Dialog>
      ) : null}
    </>
  );
}
