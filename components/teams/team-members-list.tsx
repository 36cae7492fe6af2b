import type { TeamDetail } from "@/components/teams/types";

/** The team's members and their team roles, read-only. */
export function TeamMembersList({ members }: { members: TeamDetail["members"] }) {
  if (members.length === 0) return <p className="px-4 py-3 text-sm text-slate-600">No members yet.</p>;
  return (
    <ul aria-label="Members" className="divide-y divide-slate-100">
      {members.map((m) => (
        <li key={m.id} className="flex items-center justify-between px-4 py-2 text-sm">
          <span>
            <span className="font-medium">{m.name}</span>
            <span className="block text-xs text-slate-600">{m.email}</span>
          </span>
          {m.role === "manager" ? <span className="rounded-full bg-indigo-100 px-2 py-0.5 text-xs font-semibold text-indigo-900">manager</span> : <span className="text-xs text-slate-500">member</span>}
        </li>
      ))}
    </ul>
  );
}
