"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { FieldError, INPUT, LABEL, PRIMARY_BUTTON, showServerError } from "@/components/oncall/form-bits";
import type { TeamDetail } from "@/components/teams/types";
import { toTeamInput, useSaveTeam } from "@/components/teams/use-save-team";
import { FormError } from "@/components/ui/confirm-form";
import { ZTeamInput, type TTeam, type TTeamInput } from "@/lib/validation/team";

/**
 * The team's Slack-compatible webhook. The signing secret is write-only: the form never
 * shows it, only whether one is set; leaving it empty keeps the stored one.
 */
export function TeamWebhookForm({ team }: { team: TeamDetail }) {
  const form = useForm<TTeamInput, unknown, TTeam>({ resolver: zodResolver(ZTeamInput), defaultValues: toTeamInput(team) });
  const save = useSaveTeam(team, (error) => showServerError(error, form.setError));
  const errors = form.formState.errors;
  return (
    <form
      onSubmit={form.handleSubmit((v) =>
          save.mutate({ webhookUrl: v.webhookUrl, webhookSecret: v.webhookSecret }, { onSuccess: () => form.reset({ ...form.getValues(), webhookSecret: "" }) }),
        )}
      noValidate
      className="space-y-3 p-4"
    >
      <p className="text-sm text-slate-700">Incident notifications are posted here as Slack-compatible JSON, signed with HMAC-SHA256 in X-Flowdeck-Signature.</p>
      <div>
        <label htmlFor="webhook-url" className={LABEL}>
          Webhook URL
        </label>
        <input id="webhook-url" type="url" {...form.register("webhookUrl")} aria-invalid={Boolean(errors.webhookUrl)} aria-describedby="webhook-url-error" className={INPUT} placeholder="https://hooks.slack.com/services/…" />
        <FieldError id="webhook-url-error" message={errors.webhookUrl?.message} />
      </div>
      <div>
        <label htmlFor="webhook-secret" className={LABEL}>
          Signing secret <span className="font-normal text-slate-500">({team.webhook.hasSecret ? "set; leave empty to keep it" : "not set"})</span>
        </label>
        <input
          id="webhook-secret"
          type="password"
          autoComplete="new-password"
          {...form.register("webhookSecret")}
          aria-invalid={Boolean(errors.webhookSecret)}
          aria-describedby="webhook-secret-error"
          className={INPUT}
        />
        <FieldError id="webhook-secret-error" message={errors.webhookSecret?.message} />
      </div>
      <FormError message={errors.root?.message} />
      <button type="submit" disabled={save.isPending || !form.formState.isDirty} className={PRIMARY_BUTTON}>
        {save.isPending ? "Saving…" : "Save webhook"}
      </button>
    </form>
  );
}
