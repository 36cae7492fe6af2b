"use client";

import Link from "next/link";
import { OnCallNow } from "@/components/oncall/on-call-now";
import { TeamMembersForm } from "@/components/teams/team-members-form";
import { TeamMembersList } from "@/components/teams/team-members-list";
import { TeamWebhookForm } from "@/components/teams/team-webhook-form";
import type { Person, TeamDetail } from "@/components/teams/types";
import { useTeam } from "@/components/teams/use-teams";
import { Card } from "@/components/ui/card";

/** The top of a team's page: who is on call now, what it owns, its members and (for managers) its webhook. */
export function TeamOverview({ initial, people, canManage }: { initial: TeamDetail; people: Person[]; canManage: boolean }) {
  const { data: team } = useTeam(initial.id, initial);
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <div className="space-y-4">
        <Card title="On call now">
          <div className="p-4">
            <OnCallNow onCall={team.onCall} hasSchedule={team.schedule !== null} />
          </div>
        </Card>
        <Card title="Owned processes">
          {team.processes.length === 0 ? (
            <p className="px-4 py-3 text-sm text-slate-600">This team owns no process yet.</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {team.processes.map((p) => (
                <li key={p.key} className="px-4 py-2 text-sm">
                  <Link href={`/processes/${p.key}`} className="font-medium hover:underline">
                    {p.name}
                  </Link>
                  <span className="block text-xs text-slate-600">{p.owner ? `Process owner: ${p.owner.name}` : "No process owner yet"}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <Card title="Members" className="lg:col-span-1">
        {canManage ? <TeamMembersForm key={team.members.map((m) => `${m.id}:${m.role}`).join()} team={team} people={people} /> : <TeamMembersList members={team.members} />}
      </Card>
      <Card title="Webhook">
        {canManage ? (
          <TeamWebhookForm key={`${team.webhook.url}:${team.webhook.hasSecret}`} team={team} />
        ) : (
          <p className="px-4 py-3 text-sm text-slate-700">{team.webhook.configured ? "Incident notifications are posted to the team's webhook." : "No webhook: notifications go to the in-app inbox only."}</p>
        )}
      </Card>
    </div>
  );
}
