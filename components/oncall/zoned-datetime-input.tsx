"use client";

import { isoToLocalInput, localInputToIso } from "@/components/oncall/zone-time";

/** A date-and-time field read as wall-clock time in the schedule's zone; its value is an ISO instant. */
export function ZonedDateTimeInput({
  id,
  value,
  onChange,
  onBlur,
  zone,
  invalid,
  describedBy,
}: {
  id: string;
  value: string;
  onChange: (iso: string) => void;
  onBlur: () => void;
  zone: string;
  invalid: boolean;
  describedBy: string;
}) {
  return (
    <input
      id={id}
      type="datetime-local"
      value={isoToLocalInput(value, zone)}
      onChange={(e) => onChange(localInputToIso(e.target.value, zone))}
      onBlur={onBlur}
      aria-invalid={invalid}
      aria-describedby={describedBy}
      className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm aria-[invalid=true]:border-red-500"
    />
  );
}
