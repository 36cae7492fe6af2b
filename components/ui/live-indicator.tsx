"use client";

import { useEffect, useState } from "react";
import { formatRelative } from "@/lib/format";

/**
 * Says how fresh the data on screen is. When refreshing fails the data stays on screen,
 * marked stale, and the indicator says since when.
 */
export function LiveIndicator({ updatedAt, failing, failedAt }: { updatedAt: number; failing: boolean; failedAt?: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  if (!updatedAt) return null;
  const age = formatRelative(new Date(updatedAt), new Date(now));
  if (failing) {
    return (
      <p role="status" className="flex items-center gap-1.5 rounded-full bg-amber-100 px-2.5 py-1 text-xs font-medium text-amber-900">
        <span aria-hidden="true" className="h-2 w-2 rounded-full bg-amber-500" />
        Stale: updated {age}; refresh failing{failedAt ? ` since ${formatRelative(new Date(failedAt), new Date(now))}` : ""}, retrying
      </p>
    );
  }
  return (
    <p role="status" className="flex items-center gap-1.5 text-xs text-slate-600">
      <span aria-hidden="true" className="h-2 w-2 animate-pulse rounded-full bg-emerald-500" />
      Live · updated {age}
    </p>
  );
}
