"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { SECONDARY_BUTTON } from "@/components/oncall/form-bits";
import { sendJson } from "@/components/teams/send-json";
import { FormError } from "@/components/ui/confirm-form";

type Feed = { token: string; path: string };

/**
 * Makes a secret calendar subscription URL and shows it once: only its hash is kept,
 * so it cannot be shown again, and making a new one stops the old one.
 */
export function CalendarFeedButton({ endpoint, label, hasFeed }: { endpoint: string; label: string; hasFeed: boolean }) {
  const [copied, setCopied] = useState(false);
  const rotate = useMutation({ mutationFn: () => sendJson<Feed>("POST", endpoint) });
  const url = rotate.data ? `${window.location.origin}${rotate.data.path}` : null;
  const copy = async () => {
    if (!url) return;
    await navigator.clipboard.writeText(url);
    setCopied(true);
  };
  return (
    <div className="space-y-2">
      <button
        type="button"
        onClick={() => {
          if (hasFeed && !window.confirm("A new URL stops the current one: calendars subscribed to it stop updating. Continue?")) return;
          setCopied(false);
          rotate.mutate();
        }}
        disabled={rotate.isPending}
        className={SECONDARY_BUTTON}
      >
        {rotate.isPending ? "Making a URL…" : hasFeed || rotate.data ? `New ${label} URL` : `Get ${label} URL`}
      </button>
      {url ? (
        <div role="status" className="rounded-md border border-emerald-300 bg-emerald-50 p-2 text-sm">
          <label htmlFor={`feed-${label}`} className="block font-medium text-emerald-900">
            Subscribe in your calendar app with this URL. It is shown only now; keep it secret.
          </label>
          <div className="mt-1 flex gap-2">
            <input id={`feed-${label}`} readOnly value={url} onFocus={(e) => e.target.select()} className="block w-full rounded border border-emerald-300 bg-white px-2 py-1 font-mono text-xs" />
            <button type="button" onClick={copy} className={SECONDARY_BUTTON}>
              {copied ? "Copied" : "Copy"}
            </button>
          </div>
        </div>
      ) : null}
      <FormError message={rotate.error?.message} />
    </div>
  );
}
