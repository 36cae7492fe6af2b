"use client";

import type { CaseFilters } from "@/components/cases/filters";
import type { CaseFacets } from "@/components/cases/types";

const MIN_IN_STATE = [
  ["", "Any time"],
  ["15m", "≥ 15 min"],
  ["30m", "≥ 30 min"],
  ["1h", "≥ 1 h"],
  ["2h", "≥ 2 h"],
  ["4h", "≥ 4 h"],
  ["1d", "≥ 1 day"],
] as const;

function Select({ label, value, onChange, children }: { label: string; value: string; onChange: (v: string) => void; children: React.ReactNode }) {
  const id = `filter-${label.toLowerCase().replace(/\s+/g, "-")}`;
  return (
    <div className="flex flex-col">
      <label htmlFor={id} className="text-xs font-medium text-slate-600">
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className="mt-0.5 min-w-36 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus:outline-none focus:ring-2 focus:ring-slate-400">
        {children}
      </select>
    </div>
  );
}

/** One select per dimension, each option with how many cases it would show. */
export function CaseFilterBar({ filters, facets, onChange }: { filters: CaseFilters; facets?: CaseFacets["facets"]; onChange: (next: CaseFilters) => void }) {
  const dimension = (key: "process" | "state" | "provider" | "version", label: string) => {
    const options = facets?.[key] ?? [];
    const current = filters[key];
    const known = !current || options.some((o) => o.value === current);
    return (
      <Select label={label} value={current ?? ""} onChange={(v) => onChange({ ...filters, [key]: v || undefined })}>
        <option value="">All</option>
        {!known ? <option value={current}>{current} (0)</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.value} ({o.count})
          </option>
        ))}
      </Select>
    );
  };
  return (
    <div className="flex flex-wrap items-end gap-3 border-b border-slate-200 px-4 py-3">
      {dimension("process", "Process")}
      {dimension("state", "State")}
      {dimension("provider", "Provider")}
      {dimension("version", "Version")}
      <Select label="Time in state" value={filters.minInState ?? ""} onChange={(v) => onChange({ ...filters, minInState: v || undefined })}>
        {MIN_IN_STATE.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </Select>
      <Select label="Sort" value={filters.sort} onChange={(v) => onChange({ ...filters, sort: v === "newest" ? "newest" : "oldest" })}>
        <option value="oldest">Longest in state first</option>
        <option value="newest">Most recent first</option>
      </Select>
      <label className="flex items-center gap-2 pb-1.5 text-sm">
        <input type="checkbox" checked={filters.stuck} onChange={(e) => onChange({ ...filters, stuck: e.target.checked })} className="h-4 w-4 rounded border-slate-300" />
        Stuck only
      </label>
      {filters.process || filters.state || filters.provider || filters.version || filters.minInState ? (
        <button type="button" onClick={() => onChange({ stuck: filters.stuck, sort: filters.sort })} className="pb-1.5 text-sm font-medium text-slate-700 underline underline-offset-2 hover:text-slate-900">
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
