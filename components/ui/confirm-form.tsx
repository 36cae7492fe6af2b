"use client";

/** The reason every action asks for; it goes to the audit log with the change. */
export function ReasonField({ id, value, onChange, error }: { id: string; value: string; onChange: (v: string) => void; error?: string }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        Reason (kept in the audit log)
      </label>
      <textarea
        id={id}
        rows={3}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required
        minLength={3}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : undefined}
        placeholder="e.g. bureau-a outage, INC-231"
        className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
      />
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The error of a refused request, said once, in the dialog. */
export function FormError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
      {message}
    </p>
  );
}

/** Back, and the confirming button (disabled while sending or until a reason is given). */
export function ConfirmButtons({ onBack, disabled, pending, label }: { onBack: () => void; disabled: boolean; pending: boolean; label: string }) {
  return (
    <div className="flex justify-end gap-2">
      <button type="button" onClick={onBack} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50">
        Back
      </button>
      <button type="submit" disabled={disabled || pending} className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-50">
        {pending ? "Sending…" : label}
      </button>
    </div>
  );
}
