"use client";

import { useState } from "react";
import { Area, AreaChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { BACKLOG_WINDOWS, useBacklog, type BacklogWindow } from "@/components/processes/use-backlog";
import { Card } from "@/components/ui/card";
import { Empty, ErrorState, Loading } from "@/components/ui/states";

// Colour-blind friendly (Okabe–Ito), in state order.
const COLORS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

function tick(at: string, window: BacklogWindow): string {
  const d = new Date(at);
  return window === "24h" ? d.toISOString().slice(11, 16) : d.toISOString().slice(5, 10);
}

/** Open cases per state over 24 h, 7 d or 28 d, stacked. */
export function BacklogChart({ processKey }: { processKey: string }) {
  const [window, setWindow] = useState<BacklogWindow>("24h");
  const { data, error, isPending, refetch } = useBacklog(processKey, window);
  const rows = data?.points.map((p) => ({ at: p.at, ...p.counts })) ?? [];
  return (
    <Card
      title="Backlog: open cases per state"
      actions={
        <div role="group" aria-label="Window" className="flex overflow-hidden rounded-md border border-slate-300 text-xs">
          {(Object.keys(BACKLOG_WINDOWS) as BacklogWindow[]).map((w) => (
            <button key={w} type="button" aria-pressed={window === w} onClick={() => setWindow(w)} className={`px-2.5 py-1 font-medium ${window === w ? "bg-slate-900 text-white" : "bg-white text-slate-700 hover:bg-slate-50"}`}>
              {w}
            </button>
          ))}
        </div>
      }
    >
      {isPending ? (
        <Loading label="Loading the backlog" />
      ) : !data ? (
        <ErrorState title="The backlog could not be loaded" message={error?.message ?? "Unknown error"} onRetry={() => void refetch()} />
      ) : data.states.length === 0 ? (
        <Empty title="No open cases in this window" />
      ) : (
        <div className="p-2">
          <AreaChart responsive style={{ width: "100%", height: 280 }} data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="at" tickFormatter={(v: string) => tick(v, window)} minTickGap={32} fontSize={12} />
            <YAxis allowDecimals={false} fontSize={12} width={40} />
            <Tooltip labelFormatter={(v) => `${new Date(String(v)).toISOString().replace("T", " ").slice(0, 16)} UTC`} />
            <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
            {data.states.map((state, i) => (
              <Area key={state} type="stepAfter" dataKey={state} stackId="open" stroke={COLORS[i % COLORS.length]} fill={COLORS[i % COLORS.length]} fillOpacity={0.35} isAnimationActive={false} />
            ))}
          </AreaChart>
        </div>
      )}
    </Card>
  );
}
