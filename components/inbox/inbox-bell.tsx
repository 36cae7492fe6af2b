"use client";

import { useEffect, useId, useRef, useState } from "react";
import { InboxPanel } from "@/components/inbox/inbox-panel";
import { useInbox } from "@/components/inbox/use-inbox";

function BellIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="h-5 w-5">
      <path d="M10 2a6 6 0 0 0-6 6v2.59l-1.7 1.7A1 1 0 0 0 3 14h14a1 1 0 0 0 .7-1.7L16 10.58V8a6 6 0 0 0-6-6Zm0 16a2.5 2.5 0 0 1-2.45-2h4.9A2.5 2.5 0 0 1 10 18Z" />
    </svg>
  );
}

/** The header's inbox: a bell with the unread count that opens the notifications. */
export function InboxBell() {
  const inbox = useInbox();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  const unread = inbox.data?.unread ?? 0;
  return (
    <div ref={ref} className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={`Notifications: ${unread} unread`}
        onClick={() => setOpen((v) => !v)}
        className={`relative grid h-8 w-8 place-items-center rounded-md ${open ? "bg-slate-700 text-white" : "text-slate-300 hover:bg-slate-800 hover:text-white"}`}
      >
        <BellIcon />
        {unread > 0 ? (
          <span aria-hidden="true" className="absolute -right-1.5 -top-1.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-[11px] font-bold leading-5 text-white ring-2 ring-slate-900">
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </button>
      {open ? <InboxPanel id={panelId} inbox={inbox.data} updatedAt={inbox.dataUpdatedAt} error={inbox.error} onRetry={() => void inbox.refetch()} onNavigate={() => setOpen(false)} /> : null}
    </div>
  );
}
