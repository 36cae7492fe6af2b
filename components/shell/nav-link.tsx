"use client";

import Link, { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";

export function NavLink({ href, match, children }: { href: string; match: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const active = match === "/" ? pathname === "/" : pathname.startsWith(match);
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`rounded-md px-3 py-1.5 text-sm font-medium ${active ? "bg-slate-700 text-white" : "text-slate-300 hover:bg-slate-800 hover:text-white"}`}
    >
      {children}
      <Pending />
    </Link>
  );
}

/**
 * While the page behind a link loads (server-rendered pages read the database first),
 * a pulsing dot says the click was taken. Not a loading.tsx: streaming would answer 200
 * before a page could say 403 or 404.
 */
function Pending() {
  const { pending } = useLinkStatus();
  return pending ? (
    <span role="status" className="ml-1.5 inline-block h-1.5 w-1.5 animate-pulse rounded-full bg-sky-300 align-middle">
      <span className="sr-only">Loading…</span>
    </span>
  ) : null;
}
