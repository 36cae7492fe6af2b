"use client";

import { EscalationPolicyForm } from "@/components/oncall/escalation-policy-form";
import { EscalationTimetable } from "@/components/oncall/escalation-timetable";
import type { MemberOption, PolicyView } from "@/components/oncall/types";
import { usePolicies } from "@/components/oncall/use-schedule";
import type { EscalationPolicy } from "@/lib/domain/escalation";

const MEANING: Record<string, string> = { SEV1: "critical: pages at once", SEV2: "major", SEV3: "minor" };

/** The team's escalation policy per severity: editors for managers, the timetable for everyone. */
export function EscalationPolicies({ teamId, initial, people, canEdit }: { teamId: string; initial: PolicyView[]; people: MemberOption[]; canEdit: boolean }) {
  const { data: policies } = usePolicies(teamId, initial);
  const userName = (id: string) => people.find((u) => u.id === id)?.name ?? "a former user";
  return (
    <div className="grid gap-4 p-4 xl:grid-cols-3">
      {policies.map((policy) => (
        <section key={policy.severity} aria-labelledby={`policy-${policy.severity}-title`} className="rounded-md border border-slate-200 p-3">
          <h3 id={`policy-${policy.severity}-title`} className="mb-2 flex flex-wrap items-center gap-2 text-sm font-semibold text-slate-900">
            {policy.severity} <span className="font-normal text-slate-600">· {MEANING[policy.severity]}</span>
            {policy.isDefault ? <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">default</span> : null}
          </h3>
          {canEdit ? (
            // Keyed by the save time, so a saved or reloaded policy resets the form to it.
            <EscalationPolicyForm key={`${policy.severity}-${policy.updatedAt ?? "default"}`} teamId={teamId} policy={policy} people={people} />
          ) : (
            <EscalationTimetable policy={policy as EscalationPolicy} userName={userName} />
          )}
        </section>
      ))}
    </div>
  );
}
