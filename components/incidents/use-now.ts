"use client";

import { useEffect, useState } from "react";

const TICK_MS = 5_000;

/**
 * The clock for relative times ("4 min ago"), ticking every 5 s. It starts at `initial`
 * (the server's render time) so the server's HTML and the first client render agree;
 * components that render only in the browser may leave it out. It never reads earlier
 * than `notBefore` (when the data on screen was fetched), so a fresh entry reads
 * "0 s ago", not "in 3 s".
 */
export function useNow(initial?: number, notBefore = 0): Date {
  const [now, setNow] = useState(() => initial ?? Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return new Date(Math.max(now, notBefore));
}
