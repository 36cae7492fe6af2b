"use client";

import type { MemberOption } from "@/components/oncall/types";

/** The ordered rotation of a layer: who takes the first shift, the second, and so on. */
export function MembersPicker({
  id,
  value,
  onChange,
  options,
  invalid,
  describedBy,
}: {
  id: string;
  value: string[];
  onChange: (next: string[]) => void;
  options: MemberOption[];
  invalid: boolean;
  describedBy: string;
}) {
  const name = (userId: string) => options.find((o) => o.id === userId)?.name ?? "Former member";
  const move = (i: number, by: number) => {
    const next = [...value];
    const [item] = next.splice(i, 1);
    next.splice(i + by, 0, item!);
    onChange(next);
  };
  const addable = options.filter((o) => !value.includes(o.id));
  return (
    <div>
      <ol aria-label="Rotation order" className="space-y-1">
        {value.map((userId, i) => (
          <li key={userId} className="flex items-center gap-1 rounded border border-slate-200 bg-white px-2 py-1 text-sm">
            <span className="w-5 text-xs tabular-nums text-slate-500">{i + 1}.</span>
            <span className="flex-1 font-medium">{name(userId)}</span>
            <button type="button" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move ${name(userId)} up`} className="rounded px-1.5 text-slate-600 hover:bg-slate-100 disabled:opacity-30">
              ↑
            </button>
            <button type="button" disabled={i === value.length - 1} onClick={() => move(i, 1)} aria-label={`Move ${name(userId)} down`} className="rounded px-1.5 text-slate-600 hover:bg-slate-100 disabled:opacity-30">
              ↓
            </button>
            <button type="button" onClick={() => onChange(value.filter((_, j) => j !== i))} aria-label={`Take ${name(userId)} off the rotation`} className="rounded px-1.5 text-red-700 hover:bg-red-50">
              ✕
            </button>
          </li>
        ))}
      </ol>
      {addable.length ? (
        <select
          id={id}
          value=""
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(e) => {
            if (e.target.value) onChange([...value, e.target.value]);
          }}
          className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1 text-sm aria-[invalid=true]:border-red-500"
        >
          <option value="">Add to the rotation…</option>
          {addable.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      ) : null}
    </div>
  );
}
