"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { levelName } from "@/components/oncall/describe-layer";
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from "@/components/oncall/form-bits";
import { scheduleKeys } from "@/components/oncall/keys";
import { OverrideForm } from "@/components/oncall/override-form";
import type { MemberOption, ScheduleDetail } from "@/components/oncall/types";
import { formatInZone } from "@/components/oncall/zone-time";
import { teamKeys } from "@/components/teams/keys";
import { sendJson } from "@/components/teams/send-json";
import { FormError } from "@/components/ui/confirm-form";

type Override = ScheduleDetail["overrides"][number];

function OverrideItem({ override, zone, scheduleId, canEdit }: { override: Override; zone: string; scheduleId: string; canEdit: boolean }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => sendJson("DELETE", `/api/v1/schedules/${scheduleId}/overrides/${override.id}`),
    onSuccess: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: scheduleKeys.detail(scheduleId) }), queryClient.invalidateQueries({ queryKey: teamKeys.all })]);
      router.refresh();
    },
  });
  return (
    <li className="flex flex-wrap items-start justify-between gap-2 px-4 py-2 text-sm">
      <div>
        <p>
          <span className="font-medium">{override.user.name}</span> covers {override.replaces ? <span className="font-medium">{override.replaces.name}</span> : "the whole layer"}{" "}
          <span className="text-slate-600">({levelName(override.level).toLowerCase()})</span>
        </p>
        <p className="text-xs text-slate-600">
          from {formatInZone(override.startsAt, zone)} to {formatInZone(override.endsAt, zone)}
          {override.reason ? ` · ${override.reason}` : ""}
        </p>
        <FormError message={remove.error?.message} />
      </div>
      {canEdit ? (
        <button type="button" onClick={() => remove.mutate()} disabled={remove.isPending} className={SECONDARY_BUTTON} aria-label={`Remove the override of ${override.user.name}`}>
          {remove.isPending ? "Removing…" : "Remove"}
        </button>
      ) : null}
    </li>
  );
}

/** Overrides that are not over yet, and (for managers) the form to add one. */
export function OverridesList({ schedule, members, canEdit }: { schedule: ScheduleDetail; members: MemberOption[]; canEdit: boolean }) {
  const [adding, setAdding] = useState(false);
  return (
    <div>
      {schedule.overrides.length === 0 ? (
        <p className="px-4 py-3 text-sm text-slate-600">No override planned: the rotation applies.</p>
      ) : (
        <ul aria-label="Overrides" className="divide-y divide-slate-100">
          {schedule.overrides.map((o) => (
            <OverrideItem key={o.id} override={o} zone={schedule.timeZone} scheduleId={schedule.id} canEdit={canEdit} />
          ))}
        </ul>
      )}
      {canEdit ? (
        <div className="border-t border-slate-100 px-4 py-3">
          {adding ? (
            <OverrideForm scheduleId={schedule.id} zone={schedule.timeZone} members={members} onDone={() => setAdding(false)} />
          ) : (
            <button type="button" onClick={() => setAdding(true)} className={PRIMARY_BUTTON}>
              Add override
            </button>
          )}
        </div>
      ) : null}
    </div>
  );
}
