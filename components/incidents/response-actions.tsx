"use client";

import { useState } from "react";
import { ApiFormError } from "@/components/api-post";
import type { IncidentDetail, Person } from "@/components/incidents/types";
import { useRespond, type Response } from "@/components/incidents/use-incidents";
import { ConfirmButtons, FormError } from "@/components/ui/confirm-form";
import { Dialog } from "@/components/ui/dialog";
import { describeTarget, stepAt, stepCount } from "@/lib/domain/escalation";
import { formatInstant } from "@/lib/format";

const ROLE_LABEL: Record<Person["role"], string> = {
  admin: "admin",
  ops_leader: "operations leader",
  process_owner: "process owner",
  on_call: "on call",
  manager: "manager",
};

type Incident = IncidentDetail["incident"];
type Mutation = ReturnType<typeof useRespond>;

function NoteField({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string }) {
  return (
    <div>
      <label htmlFor="incident-note" className="block text-sm font-medium text-slate-700">
        Note for the timeline (optional)
      </label>
      <textarea
        id="incident-note"
        rows={2}
        maxLength={500}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={Boolean(error)}
        placeholder="e.g. bureau-a confirmed the outage on their status page"
        className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
      />
      {error ? <p className="mt-1 text-sm text-red-700">{error}</p> : null}
    </div>
  );
}

/** One response that deserves a second look: says what will happen, takes an optional note, sends once. */
function ResponseDialog({
  title,
  explain,
  confirm,
  mutation,
  response,
  onClose,
  extra,
  body,
  ready = true,
}: {
  title: string;
  explain: React.ReactNode;
  confirm: string;
  mutation: Mutation;
  response: Response;
  onClose: () => void;
  extra?: React.ReactNode;
  body?: { userId?: string };
  ready?: boolean;
}) {
  const [note, setNote] = useState("");
  const error = mutation.error instanceof ApiFormError ? mutation.error : null;
  const noteError = error?.issues.find((i) => i.path[0] === "note")?.message;
  return (
    <Dialog open onClose={onClose} title={title}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (mutation.isPending) return;
          mutation.mutate({ response, body: { ...body, note: note.trim() || undefined } }, { onSuccess: onClose });
        }}
        className="space-y-4"
      >
        <div className="text-sm text-slate-700">{explain}</div>
        {extra}
        <NoteField value={note} onChange={setNote} error={noteError} />
        <FormError message={mutation.error && !noteError ? (error?.issues[0]?.message ?? mutation.error.message) : null} />
        <ConfirmButtons onBack={onClose} disabled={!ready} pending={mutation.isPending} label={confirm} />
      </form>
    </Dialog>
  );
}

const button = "rounded-md px-3 py-1.5 text-sm font-medium disabled:opacity-50";
const secondary = `${button} border border-slate-300 bg-white text-slate-800 hover:bg-slate-50`;

/**
 * Acknowledge (one click: it only stops the paging), and escalate, reassign or resolve
 * behind a confirmation. Shown only to roles with incidents:respond; the server checks again.
 */
export function ResponseActions({ incident, people, ahead }: { incident: Incident; people: Person[]; ahead: IncidentDetail["escalationAhead"] }) {
  const mutation = useRespond(incident.id);
  const [open, setOpen] = useState<Exclude<Response, "acknowledge"> | null>(null);
  const [userId, setUserId] = useState("");
  if (incident.status === "resolved") return null;
  const next = stepAt(incident.policy, incident.escalationLevel);
  const canEscalate = incident.escalationLevel < stepCount(incident.policy) && next !== null;
  const candidates = people.filter((p) => p.id !== incident.assignee?.id);
  const show = (which: Exclude<Response, "acknowledge">) => {
    mutation.reset();
    setUserId("");
    setOpen(which);
  };
  const close = () => setOpen(null);
  const acknowledgeError = !open && mutation.error ? mutation.error.message : null;
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap justify-end gap-2">
        {incident.status === "open" ? (
          <button
            type="button"
            disabled={mutation.isPending}
            onClick={() => {
              mutation.reset();
              mutation.mutate({ response: "acknowledge", body: {} });
            }}
            className={`${button} bg-slate-900 text-white hover:bg-slate-700`}
          >
            {mutation.isPending && !open ? "Acknowledging…" : "Acknowledge"}
          </button>
        ) : null}
        {canEscalate ? (
          <button type="button" onClick={() => show("escalate")} className={secondary}>
            Escalate now
          </button>
        ) : null}
        <button type="button" onClick={() => show("reassign")} className={secondary}>
          Reassign
        </button>
        <button type="button" onClick={() => show("resolve")} className={secondary}>
          Resolve
        </button>
      </div>
      {acknowledgeError ? (
        <p role="alert" className="text-sm text-red-800">
          {acknowledgeError}
        </p>
      ) : null}

      {open === "escalate" && next ? (
        <ResponseDialog
          title="Escalate now"
          response="escalate"
          mutation={mutation}
          onClose={close}
          confirm={`Notify ${describeTarget(next.step.target)}`}
          explain={
            <p>
              Notifies <strong>{describeTarget(next.step.target)}</strong> now
              {ahead[0] && incident.status === "open" ? <> instead of at {formatInstant(ahead[0].at)} UTC</> : null}, and makes the first person reached the assignee.
            </p>
          }
        />
      ) : null}
      {open === "reassign" ? (
        <ResponseDialog
          title="Reassign the incident"
          response="reassign"
          mutation={mutation}
          onClose={close}
          body={{ userId }}
          ready={userId !== ""}
          confirm="Reassign"
          explain={<p>The person you choose gets the incident and is notified at once. {incident.assignee ? `${incident.assignee.name} keeps the notifications sent so far.` : ""}</p>}
          extra={
            <div>
              <label htmlFor="reassign-user" className="block text-sm font-medium text-slate-700">
                Give it to
              </label>
              <select id="reassign-user" value={userId} onChange={(e) => setUserId(e.target.value)} className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
                <option value="">Choose a person…</option>
                {candidates.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} ({ROLE_LABEL[p.role]})
                  </option>
                ))}
              </select>
            </div>
          }
        />
      ) : null}
      {open === "resolve" ? (
        <ResponseDialog
          title="Resolve the incident"
          response="resolve"
          mutation={mutation}
          onClose={close}
          confirm="Resolve"
          explain={
            <p>
              Closes the incident and stops its escalation. If the detector still sees the condition, it opens a <strong>new</strong> incident on its next round. Incidents also resolve by themselves once the condition has been clear for the grace period.
            </p>
          }
        />
      ) : null}
    </div>
  );
}
