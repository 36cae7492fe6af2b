import { AlertIcon } from "@/components/ui/icons";

/** The loading, empty and error states every screen shows instead of a blank area. */
export function Loading({ label = "Loading…", rows = 4 }: { label?: string; rows?: number }) {
  return (
    <div role="status" aria-live="polite" className="space-y-2 p-4">
      <span className="sr-only">{label}</span>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="h-6 animate-pulse rounded bg-slate-200" />
      ))}
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="px-6 py-10 text-center">
      <p className="font-medium text-slate-800">{title}</p>
      {children ? <div className="mt-1 text-sm text-slate-600">{children}</div> : null}
    </div>
  );
}

export function ErrorState({ title, message, onRetry }: { title: string; message: string; onRetry?: () => void }) {
  return (
    <div role="alert" className="m-4 flex items-start gap-3 rounded-md border border-red-200 bg-red-50 p-4 text-sm text-red-900">
      <AlertIcon className="mt-0.5 text-red-600" />
      <div className="flex-1">
        <p className="font-medium">{title}</p>
        <p className="mt-0.5">{message}</p>
      </div>
      {onRetry ? (
        <button type="button" onClick={onRetry} className="rounded border border-red-300 bg-white px-2 py-1 font-medium hover:bg-red-100">
          Try again
        </button>
      ) : null}
    </div>
  );
}
