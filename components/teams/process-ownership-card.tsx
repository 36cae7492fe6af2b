"use client";

import Link from "next/link";
import { useState } from "react";
import { OnCallNow } from "@/components/oncall/on-call-now";
import { SECONDARY_BUTTON } from "@/components/oncall/form-bits";
import { ProcessOwnershipEditor } from "@/components/teams/process-ownership-editor";
import type { ProcessOwnership, TeamChoice } from "@/components/teams/types";
import { Card } from "@/components/ui/card";

/** On the process page: the owning team, the process owner, who is on call now; managers change the first two. */
export function ProcessOwnershipCard({ ownership, teams }: { ownership: ProcessOwnership; teams: TeamChoice[] | null }) {
  const [editing, setEditing] = useState(false);
  return (
    <Card
      title="Ownership"
      actions={
        teams && !editing ? (
          <button type="button" onClick={() => setEditing(true)} className={SECONDARY_BUTTON}>
            Change
          </button>
        ) : null
      }
    >
      <div className="p-4">
        {editing && teams ? (
          <ProcessOwnershipEditor ownership={ownership} teams={teams} onDone={() => setEditing(false)} />
        ) : (
          <div className="grid gap-4 md:grid-cols-3">
            <dl className="space-y-2 text-sm md:col-span-1">
              <div>
                <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Owning team</dt>
                <dd>
                  {ownership.team ? (
                    <Link href={`/teams/${ownership.team.id}`} className="font-medium hover:underline">
                      {ownership.team.name}
                    </Link>
                  ) : (
                    <span className="text-amber-800">No team yet</span>
                  )}
                </dd>
              </div>
              <div>
                <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Process owner</dt>
                <dd>
                  {ownership.owner ? (
                    <>
                      <span className="font-medium">{ownership.owner.name}</span> <span className="text-xs text-slate-600">{ownership.owner.email}</span>
                    </>
                  ) : (
                    <span className="text-amber-800">Nobody yet</span>
                  )}
                </dd>
              </div>
            </dl>
            <div className="md:col-span-2">
              <h3 className="mb-1 text-xs font-medium uppercase tracking-wide text-slate-500">On call now</h3>
              {ownership.team ? <OnCallNow onCall={ownership.onCall} hasSchedule={ownership.hasSchedule} /> : <p className="text-sm text-slate-600">Nobody: the process has no owning team.</p>}
            </div>
          </div>
        )}
      </div>
    </Card>
  );
}
