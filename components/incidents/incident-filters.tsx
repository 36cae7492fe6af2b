"use client";

import { STATUS_FILTERS, type IncidentFilters, type StatusFilter } from "@/components/incidents/filters";
import { TYPE_LABEL } from "@/components/incidents/labels";
import { INCIDENT_TYPES } from "@/lib/domain/detectors";
import { SEVERITIES } from "@/lib/domain/escalation";

const STATUS_TEXT: Record<StatusFilter, string> = {
  unresolved: "Unresolved (open + acknowledged)",
  open: "Open (not acknowledged)",
  acknowledged: "Acknowledged",
  resolved: "Resolved",
  all: "All",
};

function Select({ id, label, value, onChange, children }: { id: string; label: string; value: string; onChange: (v: string) => void; children: React.ReactNode }) {
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

/** Status, process, type and severity; the page keeps them in the URL. */
export function IncidentFilterBar({ filters, processes, onChange }: { filters: IncidentFilters; processes: { key: string; name: string }[]; onChange: (next: IncidentFilters) => void }) {
  const knownProcess = !filters.process || processes.some((p) => p.key === filters.process);
  return (
    <div className="flex flex-wrap items-end gap-3 border-b border-slate-200 px-4 py-3">
      <Select id="incident-status" label="Status" value={filters.status} onChange={(v) => onChange({ ...filters, status: STATUS_FILTERS.find((s) => s === v) ?? "unresolved" })}>
        {STATUS_FILTERS.map((s) => (
          <option key={s} value={s}>
            {STATUS_TEXT[s]}
          </option>
        ))}
      </Select>
      <Select id="incident-process" label="Process" value={filters.process ?? ""} onChange={(v) => onChange({ ...filters, process: v || undefined })}>
        <option value="">All</option>
        {!knownProcess ? <option value={filters.process}>{filters.process}</option> : null}
        {processes.map((p) => (
          <option key={p.key} value={p.key}>
            {p.name}
          </option>
        ))}
      </Select>
      <Select id="incident-type" label="Type" value={filters.type ?? ""} onChange={(v) => onChange({ ...filters, type: INCIDENT_TYPES.find((t) => t === v) })}>
        <option value="">All</option>
        {INCIDENT_TYPES.map((t) => (
          <option key={t} value={t}>
            {TYPE_LABEL[t]}
          </option>
        ))}
      </Select>
      <Select id="incident-severity" label="Severity" value={filters.severity ?? ""} onChange={(v) => onChange({ ...filters, severity: SEVERITIES.find((s) => s === v) })}>
        <option value="">All</option>
        {SEVERITIES.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </Select>
      {filters.status !== "unresolved" || filters.process || filters.type || filters.severity ? (
        <button type="button" onClick={() => onChange({ status: "unresolved" })} className="pb-1.5 text-sm font-medium text-slate-700 underline underline-offset-2 hover:text-slate-900">
          Reset filters
        </button>
      ) : null}
    </div>
  );
}
