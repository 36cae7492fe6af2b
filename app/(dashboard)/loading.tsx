import { Loading } from "@/components/ui/states";

/** Shown inside the shell while a page's data loads on the server (navigation stays responsive). */
export default function DashboardLoading() {
  return (
    <div className="mx-auto max-w-7xl">
      <div className="mb-4 h-7 w-64 animate-pulse rounded bg-slate-200" aria-hidden />
      <div className="rounded-lg border border-slate-200 bg-white">
        <Loading label="Loading the page…" rows={8} />
      </div>
    </div>
  );
}
