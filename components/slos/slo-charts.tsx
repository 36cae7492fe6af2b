"use client";

import { useState } from "react";
import { Area, AreaChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { BurnSeries, SloDetail } from "@/components/slos/types";
import { useBurnSeries } from "@/components/slos/use-slo";
import { Card } from "@/components/ui/card";
import { Empty, ErrorState, Loading } from "@/components/ui/states";

const RANGES = [
  [1, "24h"],
  [7, "7d"],
  [30, "30d"],
] as const;

const LINE_COLORS: Record<string, string> = { "1h": "#D55E00", "6h": "#E69F00", "1d": "#0072B2", "3d": "#009E73" };

/** Axis labels in UTC: hours for a day, dates (one tick per day) for longer ranges. */
function tick(at: string, days: number): string {
  const date = new Date(at);
  return days <= 1 ? date.toISOString().slice(11, 16) : date.toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
}

/** For ranges longer than a day, one tick at the first point of each UTC day, so no date repeats. */
function ticksOf(points: { at: string }[], days: number): string[] | undefined {
  if (days <= 1) return undefined;
  return points.filter((p, i) => i > 0 && p.at.slice(0, 10) !== points[i - 1]!.at.slice(0, 10)).map((p) => p.at);
}

type Point = BurnSeries["points"][number];

/**
 * The SLO over time: the SLI against the objective, the budget left, and burn rates with
 * each tier's factor drawn. Clicking a point selects its hour for the drill-down.
 */
export function SloCharts({ slo, onSelect }: { slo: SloDetail; onSelect: (point: { from: string; to: string }) => void }) {
  const [days, setDays] = useState<number>(7);
  const { data, error, isPending, refetch } = useBurnSeries(slo.id, days);
  const select = (state: { activeLabel?: string | number | null } | null | undefined) => {
    const label = state?.activeLabel;
    if (!label || !data) return;
    const to = new Date(String(label));
    onSelect({ from: new Date(to.getTime() - data.stepHours * 3_600_000).toISOString(), to: to.toISOString() });
  };
  const points = (data?.points ?? []).map((p: Point) => ({
    at: p.at,
    sli: p.sli === null ? null : p.sli * 100,
    budget: p.budgetRemaining * 100,
    ...p.burn,
  }));
  const factors = slo.tiers.map((t, i) => ({ i, severity: t.severity, factor: slo.status?.tiers[i]?.factor ?? null }));
  const range = (
    <div role="group" aria-label="Range" className="flex overflow-hidden rounded-md border border-slate-300 text-xs">
      {RANGES.map(([d, label]) => (
        <button key={label} type="button" aria-pressed={days === d} onClick={() => setDays(d)} className={`px-2.5 py-1 font-medium ${days === d ? "bg-slate-900 text-white" : "bg-white text-slate-700"}`}>
          {label}
        </button>
      ))}
    </div>
  );
  const axis = <XAxis dataKey="at" ticks={ticksOf(points, days)} tickFormatter={(v: string) => tick(v, days)} minTickGap={32} fontSize={12} />;
  const tooltipLabel = (v: unknown) => `${new Date(String(v)).toISOString().replace("T", " ").slice(0, 16)} UTC (click for the cases)`;

  if (isPending) return <Card title="Over time" actions={range}><Loading label="Loading the SLO's history" /></Card>;
  if (!data) return <Card title="Over time" actions={range}><ErrorState title="The history could not be loaded" message={error?.message ?? ""} onRetry={() => void refetch()} /></Card>;
  if (points.every((p) => p.sli === null)) {
    return (
      <Card title="Over time" actions={range}>
        <Empty title="No events in this range yet">Points appear as cases finish (and, for the stuck ratio, as the worker samples each minute).</Empty>
      </Card>
    );
  }
  return (
    <div className="grid gap-4">
      <Card title={`SLI against the objective (${slo.objective}%)`} actions={range}>
        <div className="p-2">
          <LineChart responsive style={{ width: "100%", height: 220 }} data={points} onClick={select} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            {axis}
            <YAxis domain={["auto", 100]} unit="%" fontSize={12} width={48} allowDecimals />
            <Tooltip labelFormatter={tooltipLabel} formatter={(v) => `${Number(v).toFixed(2)}%`} />
            <ReferenceLine y={slo.objective} stroke="#b91c1c" strokeDasharray="6 3" label={{ value: "objective", fontSize: 11, fill: "#b91c1c", position: "insideBottomRight" }} />
            <Line type="monotone" dataKey="sli" name="SLI" stroke="#0072B2" dot={false} strokeWidth={2} isAnimationActive={false} connectNulls />
          </LineChart>
        </div>
      </Card>
      <Card title={`Error budget left over ${slo.windowDays} days`}>
        <div className="p-2">
          <AreaChart responsive style={{ width: "100%", height: 200 }} data={points} onClick={select} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            {axis}
            {/* The whole budget (100%) and zero always on the scale, so a spent budget looks spent. */}
            <YAxis unit="%" fontSize={12} width={56} domain={[(min: number) => Math.min(0, Math.floor(min / 10) * 10), 100]} allowDataOverflow={false} />
            <Tooltip labelFormatter={tooltipLabel} formatter={(v) => `${Number(v).toFixed(1)}%`} />
            <ReferenceLine y={0} stroke="#b91c1c" />
            <Area type="monotone" dataKey="budget" name="Budget left" stroke="#009E73" fill="#bbf7d0" isAnimationActive={false} />
          </AreaChart>
        </div>
      </Card>
      <Card title="Burn rate per window, with the alert tiers' factors">
        <div className="p-2">
          <LineChart responsive style={{ width: "100%", height: 240 }} data={points} onClick={select} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            {axis}
            <YAxis fontSize={12} width={48} />
            <Tooltip labelFormatter={tooltipLabel} formatter={(v) => Number(v).toFixed(2)} />
            <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
            {factors.map((f) =>
              f.factor === null ? null : (
                <ReferenceLine key={f.i} y={f.factor} stroke={f.severity === "page" ? "#b91c1c" : "#a16207"} strokeDasharray="4 4" ifOverflow="extendDomain" label={{ value: `${f.severity} ${f.factor.toFixed(1)}`, fontSize: 11, position: "insideTopRight" }} />
              ),
            )}
            {Object.keys(LINE_COLORS).map((w) => (
              <Line key={w} type="monotone" dataKey={w} name={`burn ${w}`} stroke={LINE_COLORS[w]} dot={false} isAnimationActive={false} />
            ))}
          </LineChart>
        </div>
      </Card>
    </div>
  );
}
