"use client";

import Link from "next/link";
import { ErrorState } from "@/components/ui/states";

/**
 * A page that failed on the server (the database unreachable, say): the shell and its
 * navigation stay, the page says what happened and offers to try again. The digest
 * matches the server log line, so whoever reads the logs can find the cause.
 */
export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-3xl py-6">
      <ErrorState
        title="This page could not be loaded"
        message={`Flowdeck could not read what this page shows; nothing was changed. Try again in a moment${error.digest ? ` (reference ${error.digest} in the server log)` : ""}.`}
        onRetry={reset}
      />
      <p className="px-4 text-sm text-slate-600">
        <Link href="/" className="underline">
          Back to the overview
        </Link>{" "}
        ·{" "}
        <a href="/api/health" className="underline">
          Server health
        </a>
      </p>
    </div>
  );
}
