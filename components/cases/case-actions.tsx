"use client";

import { useState } from "react";
import { ACTION_COPY } from "@/components/cases/action-copy";
import { ActionDialog } from "@/components/cases/action-dialog";
import type { CaseDetail } from "@/components/cases/types";

type Option = CaseDetail["actions"]["allowed"][number];

/** The actions possible on the case now; the ones that are not say why (as a tooltip). */
export function CaseActions({ detail }: { detail: CaseDetail }) {
  const [open, setOpen] = useState<Option | null>(null);
  const { allowed, refused } = detail.actions;
  return (
    <div className="flex flex-wrap items-center gap-2 px-4 py-3">
      {allowed.map((option) => (
        <button
          key={option.action}
          type="button"
          onClick={() => setOpen(option)}
          className={`rounded-md px-3 py-1.5 text-sm font-medium ${option.action === "cancel" || option.action === "compensate" ? "border border-red-300 text-red-800 hover:bg-red-50" : "bg-slate-900 text-white hover:bg-slate-700"}`}
        >
          {ACTION_COPY[option.action].label}
        </button>
      ))}
      {allowed.length === 0 ? (
        <p className="text-sm text-slate-600">{refused[0] ? `No action possible now: ${refused[0].reason}.` : "No action possible now."}</p>
      ) : null}
      {open ? <ActionDialog caseId={detail.case.id} state={detail.case.state} option={open} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}
