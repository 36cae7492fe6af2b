import Link from "next/link";
import { can, type Action } from "@/lib/auth/permissions";
import type { UserActor } from "@/lib/auth/session";
import { InboxBell } from "@/components/inbox/inbox-bell";
import { OutboxAttentionBadge } from "@/components/outbox/attention-badge";
import { UnresolvedIncidentsBadge } from "@/components/incidents/unresolved-badge";
import { NavLink } from "@/components/shell/nav-link";
import { SignOutButton } from "@/components/shell/sign-out-button";

const ROLE_LABEL: Record<UserActor["role"], string> = {
  admin: "Admin",
  ops_leader: "Operations leader",
  process_owner: "Process owner",
  on_call: "On-call engineer",
  manager: "Manager",
};

const NAV: { href: string; match: string; label: string; action: Action; badge?: React.ReactNode }[] = [
  { href: "/", match: "/", label: "Overview", action: "overview:read" },
  { href: "/incidents", match: "/incidents", label: "Incidents", action: "incidents:read", badge: <UnresolvedIncidentsBadge /> },
  { href: "/cases?stuck=true", match: "/cases", label: "Stuck cases", action: "cases:read" },
  { href: "/outbox", match: "/outbox", label: "Outbox", action: "cases:read", badge: <OutboxAttentionBadge /> },
  { href: "/teams", match: "/teams", label: "Teams", action: "teams:read" },
  { href: "/audit", match: "/audit", label: "Audit log", action: "audit:read" },
];

/** The signed-in frame: navigation for what the role may see, and who is signed in. */
export function AppShell({ actor, children }: { actor: UserActor; children: React.ReactNode }) {
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="bg-slate-900 text-white">
        <div className="mx-auto flex max-w-screen-2xl items-center gap-6 px-4 py-2.5">
          <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
            <span aria-hidden="true" className="grid h-6 w-6 place-items-center rounded bg-emerald-500 text-xs font-bold text-slate-900">
              F
            </span>
            Flowdeck
          </Link>
          <nav aria-label="Main" className="flex flex-1 items-center gap-1">
            {NAV.filter((item) => can(actor.role, item.action)).map((item) => (
              <NavLink key={item.href} href={item.href} match={item.match}>
                {item.label}
                {item.badge}
              </NavLink>
            ))}
          </nav>
          <div className="flex items-center gap-3 text-sm">
            {can(actor.role, "inbox:read") ? <InboxBell /> : null}
            <span className="text-right leading-tight">
              <span className="block font-medium">{actor.name}</span>
              <span className="block text-xs text-slate-400">{ROLE_LABEL[actor.role]}</span>
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-screen-2xl px-4 py-5">
        {children}
      </main>
    </div>
  );
}
