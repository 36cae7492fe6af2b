"use client";

import { useEffect, useState } from "react";
import type { ScheduleTimeline as Timeline } from "@/components/oncall/types";
import { formatInZone, localMidnights, zoneAbbreviation } from "@/components/oncall/zone-time";

const LEVEL_LABEL: Record<number, string> = { 1: "Primary", 2: "Secondary" };
const levelLabel = (level: number) => LEVEL_LABEL[level] ?? `Level ${level}`;

// One colour per person, stable across levels so a reader follows someone from row to row.
const PALETTE = [
  "bg-sky-200 text-sky-950 border-sky-400",
  "bg-emerald-200 text-emerald-950 border-emerald-400",
  "bg-violet-200 text-violet-950 border-violet-400",
  "bg-rose-200 text-rose-950 border-rose-400",
  "bg-lime-200 text-lime-950 border-lime-500",
  "bg-orange-200 text-orange-950 border-orange-400",
  "bg-teal-200 text-teal-950 border-teal-400",
  "bg-fuchsia-200 text-fuchsia-950 border-fuchsia-400",
];

/**
 * The current minute, for the "now" marker. It starts at the server's `now` so the
 * server-rendered marker hydrates unchanged, then follows the browser's clock.
 */
function useNow(serverNow: string): number {
  const [now, setNow] = useState(() => Date.parse(serverNow));
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 60_000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, []);
  return now;
}

/**
 * The next 14 days of a schedule: one horizontal bar per level, each shift coloured and
 * labelled by who holds it, overrides outlined in amber, gaps hatched red, day ticks at
 * local midnight in the schedule's zone, and a line at now.
 */
export function ScheduleTimeline({ timeline }: { timeline: Timeline }) {
  const now = useNow(timeline.now);
  const from = Date.parse(timeline.from);
  const to = Date.parse(timeline.to);
  const span = to - from;
  const pct = (t: number) => `${(Math.min(Math.max(t - from, 0), span) / span) * 100}%`;
  const width = (a: number, b: number) => `${((Math.min(b, to) - Math.max(a, from)) / span) * 100}%`;
  const people = [...new Set(timeline.shifts.map((s) => s.userId))].sort();
  const colour = (userId: string) => PALETTE[people.indexOf(userId) % PALETTE.length];
  const zone = timeline.timeZone;
  const ticks = localMidnights(timeline.from, timeline.to, zone);
  const nowInside = now >= from && now <= to;

  return (
    <figure className="space-y-2" aria-label={`On-call timeline for the next 14 days, times in ${zone}`}>
      <div className="relative ml-24 h-5 text-[11px] text-slate-600" aria-hidden="true">
        {ticks.map((tick) => (
          <span key={tick.toMillis()} className="absolute -translate-x-1/2 whitespace-nowrap" style={{ left: pct(tick.toMillis()) }}>
            {tick.toFormat("ccc d")}
          </span>
        ))}
      </div>
      {timeline.levels.map((level) => {
        const shifts = timeline.shifts.filter((s) => s.level === level);
        const gaps = timeline.gaps.filter((g) => g.level === level);
        return (
          <div key={level} className="flex items-center gap-2">
            <h3 className="w-22 shrink-0 text-right text-xs font-semibold uppercase tracking-wide text-slate-600">{levelLabel(level)}</h3>
            <div className="relative h-10 flex-1 overflow-hidden rounded border border-slate-200 bg-slate-50">
              {ticks.map((tick) => (
                <span key={tick.toMillis()} aria-hidden="true" className="absolute inset-y-0 w-px bg-slate-300" style={{ left: pct(tick.toMillis()) }} />
              ))}
              {gaps.map((g) => (
                <span
                  key={g.start}
                  title={`Nobody on call from ${formatInZone(g.start, zone)} to ${formatInZone(g.end, zone)}`}
                  className="absolute inset-y-0 bg-[repeating-linear-gradient(45deg,#fecaca_0,#fecaca_4px,#fff_4px,#fff_8px)]"
                  style={{ left: pct(Date.parse(g.start)), width: width(Date.parse(g.start), Date.parse(g.end)) }}
                >
                  <span className="sr-only">
                    Gap: nobody on call from {formatInZone(g.start, zone)} to {formatInZone(g.end, zone)}
                  </span>
                </span>
              ))}
              <ul aria-label={`${levelLabel(level)} shifts`}>
                {shifts.map((s) => {
                  const when = `${formatInZone(s.start, zone)} – ${formatInZone(s.end, zone)}`;
                  return (
                    <li
                      key={`${s.start}-${s.userId}`}
                      title={`${s.userName}${s.overrideId ? " (override)" : ""}: ${when}`}
                      className={`absolute inset-y-1 overflow-hidden rounded-sm border px-1 text-xs leading-8 whitespace-nowrap ${colour(s.userId)} ${s.overrideId ? "border-2 border-dashed border-amber-600 ring-2 ring-amber-300" : ""}`}
                      style={{ left: pct(Date.parse(s.start)), width: width(Date.parse(s.start), Date.parse(s.end)) }}
                    >
                      <span className="font-medium">{s.userName}</span>
                      <span className="sr-only">
                        {s.overrideId ? " (override)" : ""}, {when}
                      </span>
                    </li>
                  );
                })}
              </ul>
              {nowInside ? <span aria-hidden="true" className="absolute inset-y-0 w-0.5 bg-red-600" style={{ left: pct(now) }} /> : null}
            </div>
          </div>
        );
      })}
      <figcaption className="ml-24 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600">
        <span>
          Days in {zone} ({zoneAbbreviation(timeline.from, zone)}); hover a shift for its times.
        </span>
        <span className="flex items-center gap-1">
          <span aria-hidden="true" className="inline-block h-3 w-0.5 bg-red-600" /> now
        </span>
        <span className="flex items-center gap-1">
          <span aria-hidden="true" className="inline-block h-3 w-4 rounded-sm border-2 border-dashed border-amber-600" /> override
        </span>
        <span className="flex items-center gap-1">
          <span aria-hidden="true" className="inline-block h-3 w-4 bg-[repeating-linear-gradient(45deg,#fecaca_0,#fecaca_4px,#fff_4px,#fff_8px)]" /> nobody on call
        </span>
      </figcaption>
    </figure>
  );
}
