"use client";

import Link from "next/link";
import { IncidentStatusBadge } from "@/components/incidents/badges";
import type { Inbox } from "@/components/inbox/types";
import { useNow } from "@/components/incidents/use-now";
import { useMarkRead } from "@/components/inbox/use-inbox";
import { Empty, ErrorState, Loading } from "@/components/ui/states";
import { formatInstant, formatRelative } from "@/lib/format";

/** The notifications, newest first: each links to its incident and can be marked read. */
export function InboxPanel({
  id,
  inbox,
  updatedAt,
  error,
  onRetry,
  onNavigate,
}: {
  id: string;
  inbox: Inbox | undefined;
  updatedAt: number;
  error: Error | null;
  onRetry: () => void;
  onNavigate: () => void;
}) {
  const markRead = useMarkRead();
  const now = useNow(undefined, updatedAt);
  return (
    <section id={id} aria-label="Notifications" className="absolute right-0 top-full z-40 mt-2 w-[28rem] max-w-[calc(100vw-2rem)] overflow-hidden rounded-lg bg-white text-slate-900 shadow-2xl ring-1 ring-slate-900/10">
      <header className="flex items-center justify-between gap-3 border-b border-slate-200 px-4 py-2.5">
        <h2 className="text-sm font-semibold">Notifications{inbox ? ` · ${inbox.unread} unread` : ""}</h2>
        {inbox && inbox.unread > 0 ? (
          <button type="button" onClick={() => markRead.mutate({ all: true })} className="text-sm font-medium text-slate-700 underline underline-offset-2 hover:text-slate-900">
            Mark all read
          </button>
        ) : null}
      </header>
      {markRead.error ? (
        <p role="alert" className="border-b border-red-200 bg-red-50 px-4 py-2 text-sm text-red-800">
          Could not mark read: {markRead.error.message}
        </p>
      ) : null}
      <div className="max-h-[70vh] overflow-y-auto">
        {!inbox ? (
          error ? <ErrorState title="The inbox could not be loaded" message={error.message} onRetry={onRetry} /> : <Loading label="Loading notifications" rows={3} />
        ) : inbox.items.length === 0 ? (
          <Empty title="No notifications">You are told here when an incident is assigned or escalated to you.</Empty>
        ) : (
          <ul className="divide-y divide-slate-100">
            {inbox.items.map((item) => (
              <li key={item.id} className={`flex gap-3 px-4 py-2.5 ${item.read ? "" : "bg-sky-50/60"}`}>
                <span aria-hidden="true" className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${item.read ? "bg-transparent" : "bg-sky-600"}`} />
                <div className="min-w-0 flex-1">
                  {item.incidentId ? (
                    <Link
                      href={`/incidents/${item.incidentId}`}
                      onClick={() => {
                        if (!item.read) markRead.mutate({ ids: [item.id] });
                        onNavigate();
                      }}
                      className={`block text-sm underline-offset-2 hover:underline ${item.read ? "text-slate-700" : "font-semibold text-slate-900"}`}
                    >
                      {item.title}
                    </Link>
                  ) : (
                    <p className={`text-sm ${item.read ? "text-slate-700" : "font-semibold"}`}>{item.title}</p>
                  )}
                  <p className="mt-0.5 line-clamp-2 text-xs text-slate-600">{item.body}</p>
                  <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-500">
                    <time dateTime={item.createdAt} title={`${formatInstant(item.createdAt)} UTC`}>
                      {formatRelative(item.createdAt, now)}
                    </time>
                    {item.incidentStatus ? <IncidentStatusBadge status={item.incidentStatus} /> : null}
                    {!item.read ? (
                      <button type="button" onClick={() => markRead.mutate({ ids: [item.id] })} className="font-medium text-slate-700 underline underline-offset-2 hover:text-slate-900">
                        Mark read
                      </button>
                    ) : (
                      <span className="sr-only">read</span>
                    )}
                  </p>
                </div>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
