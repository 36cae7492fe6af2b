"use client";

import Link from "next/link";
import { OnCallInline } from "@/components/oncall/on-call-now";
import type { TeamSummary } from "@/components/teams/types";
import { useTeams } from "@/components/teams/use-teams";
import { Empty } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";

/** Teams: members, the processes each owns, who is on call now and whether a schedule exists. */
export function TeamsTable({ initial }: { initial: TeamSummary[] }) {
  const { data: teams } = useTeams(initial);
  if (teams.length === 0) return <Empty title="No team yet">Managers create teams, then give each process an owning team.</Empty>;
  return (
    <Table label="Teams">
      <thead>
        <tr>
          <Th>Team</Th>
          <Th>Members</Th>
          <Th>Owns</Th>
          <Th>On call now</Th>
          <Th>Schedule</Th>
        </tr>
      </thead>
      <tbody>
        {teams.map((team) => (
          <tr key={team.id} className="hover:bg-slate-50">
            <Td>
              <Link href={`/teams/${team.id}`} className="font-medium text-slate-900 hover:underline">
                {team.name}
              </Link>
            </Td>
            <Td>
              {team.members.length === 0 ? (
                <span className="text-amber-800">nobody yet</span>
              ) : (
                <ul className="flex flex-wrap gap-1">
                  {team.members.map((m) => (
                    <li key={m.id} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-800">
                      {m.name}
                      {m.role === "manager" ? <span className="ml-1 font-semibold text-indigo-700">manager</span> : null}
                    </li>
                  ))}
                </ul>
              )}
            </Td>
            <Td>
              {team.processes.length === 0 ? (
                <span className="text-slate-500">—</span>
              ) : (
                <ul className="space-y-0.5">
                  {team.processes.map((p) => (
                    <li key={p.key}>
                      <Link href={`/processes/${p.key}`} className="hover:underline">
                        {p.name}
                      </Link>
                      <span className="ml-1 text-xs text-slate-600">{p.owner ? `· ${p.owner.name}` : "· no process owner"}</span>
                    </li>
                  ))}
                </ul>
              )}
            </Td>
            <Td>
              <OnCallInline onCall={team.onCall} hasSchedule={team.schedule !== null} />
            </Td>
            <Td>
              {team.schedule ? (
                <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-900">{team.schedule.name}</span>
              ) : (
                <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">No schedule</span>
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
