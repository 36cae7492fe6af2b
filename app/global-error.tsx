"use client";

import "./globals.css";

/** The last resort when even the root layout fails: a plain page that says so and can retry. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="bg-slate-50 text-slate-900">
        <main role="alert" className="mx-auto max-w-lg py-16 text-center">
          <p className="text-sm font-semibold text-red-700">Flowdeck is not available</p>
          <h1 className="mt-2 text-xl font-semibold">Something went wrong on the server</h1>
          <p className="mt-2 text-slate-600">
            Nothing was changed. Try again in a moment{error.digest ? ` (reference ${error.digest} in the server log)` : ""}.
          </p>
          <button type="button" onClick={reset} className="mt-6 rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white">
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
