"use client";

import { Area, AreaChart, YAxis } from "recharts";
import { useBacklog } from "@/components/processes/use-backlog";

/** Open cases over the last 24 hours, for a table cell. */
export function BacklogSparkline({ processKey }: { processKey: string }) {
  const { data, isError } = useBacklog(processKey, "24h", "1h");
  if (isError) return <span className="text-xs text-slate-500">unavailable</span>;
  if (!data) return <span aria-hidden="true" className="block h-8 w-32 animate-pulse rounded bg-slate-100" />;
  const points = data.points.map((p) => ({ at: p.at, total: p.total }));
  const first = points[0]?.total ?? 0;
  const last = points.at(-1)?.total ?? 0;
  return (
    <span className="flex items-center gap-2">
      <AreaChart width={128} height={32} data={points} margin={{ top: 2, right: 0, bottom: 2, left: 0 }} aria-hidden="true">
        <YAxis hide domain={[0, "dataMax"]} />
        <Area type="monotone" dataKey="total" stroke="#0f766e" fill="#99f6e4" strokeWidth={1.5} isAnimationActive={false} />
      </AreaChart>
      <span className="sr-only">
        Open cases went from {first} to {last} over 24 hours
      </span>
    </span>
  );
}
