"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useNow } from "@/components/incidents/use-now";
import { describeCommand } from "@/components/commands/describe-command";
import { useOutbox, useRetryDelivery, type OutboxCommand, type OutboxPage as Page } from "@/components/outbox/use-outbox";
import { useProcesses } from "@/components/processes/use-processes";
import { Card } from "@/components/ui/card";
import { AlertIcon, CheckIcon, ClockIcon, XIcon } from "@/components/ui/icons";
import { LiveIndicator } from "@/components/ui/live-indicator";
import { PageHeader } from "@/components/ui/page-header";
import { Empty, ErrorState, Loading } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import { ATTENTION_AFTER_SEC, OUTBOX_VIEWS, type DeliveryState, type OutboxView } from "@/lib/domain/outbox";
import { formatCount, formatInstant, formatRelative } from "@/lib/format";

const VIEW_LABEL: Record<OutboxView, string> = { attention: "Needs attention", in_flight: "In flight", dead: "Dead letter", answered: "Answered (24 h)" };

const EMPTY: Record<OutboxView, [string, string]> = {
  attention: ["Nothing needs attention", `Every command was answered within ${ATTENTION_AFTER_SEC / 60} minutes or is still on its way.`],
  in_flight: ["No command on its way", "Commands wait here until the engine answers them."],
  dead: ["The dead letter is empty", "A webhook delivery that fails for 24 hours ends up here, to be retried by hand."],
  answered: ["No answer in the last 24 hours", "Commands the engines answered show here for a day; each case keeps its history."],
};

type Badge = { label: string; className: string; icon: React.ComponentType<{ className?: string }> };

function badgeOf(c: OutboxCommand): Badge {
  const byState: Record<Exclude<DeliveryState, "answered">, Badge> = {
    dead: { label: "Dead letter", className: "bg-red-600 text-white", icon: AlertIcon },
    overdue: { label: c.status === "requested" ? "Not fetched" : "No answer", className: "bg-amber-100 text-amber-950", icon: AlertIcon },
    waiting: { label: "Waiting for the engine", className: "bg-slate-200 text-slate-800", icon: ClockIcon },
    delivered: { label: "Delivered", className: "bg-sky-100 text-sky-900", icon: ClockIcon },
  };
  if (c.delivery !== "answered") return byState[c.delivery];
  if (c.status === "succeeded") return { label: "Succeeded", className: "bg-emerald-100 text-emerald-900", icon: CheckIcon };
  return { label: c.status === "failed" ? "Failed" : "Rejected", className: "bg-red-100 text-red-900", icon: XIcon };
}

function DeliveryCell({ c, now }: { c: OutboxCommand; now: Date }) {
  const { label, className, icon: Icon } = badgeOf(c);
  const detail =
    c.delivery === "answered"
      ? c.acknowledgedAt && `answered ${formatRelative(c.acknowledgedAt, now)}`
      : c.deliveredAt
        ? `delivered ${formatRelative(c.deliveredAt, now)}${c.attempts > 1 ? ` · ${c.attempts} tries` : ""}`
        : c.attempts > 0
          ? `${c.attempts} failed tr${c.attempts === 1 ? "y" : "ies"}`
          : "not fetched yet";
  return (
    <div className="space-y-0.5">
      <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold ${className}`}>
        <Icon />
        {label}
      </span>
      {detail ? <p className="text-xs text-slate-600">{detail}</p> : null}
      {c.ackMessage ? <p className="text-xs text-slate-700">Engine: {c.ackMessage}</p> : null}
      {c.lastError && c.delivery !== "answered" ? <p className="max-w-xs truncate text-xs text-red-800" title={c.lastError}>Last error: {c.lastError}</p> : null}
    </div>
  );
}

function RetryButton({ c }: { c: OutboxCommand }) {
  const retry = useRetryDelivery();
  return (
    <div>
      <button
        type="button"
        onClick={() => retry.mutate(c.id)}
        disabled={retry.isPending}
        aria-label={`Retry delivery of ${describeCommand(c)}${c.caseId ? ` for ${c.caseId}` : ""}`}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm font-medium hover:bg-slate-50 disabled:opacity-50"
      >
        {retry.isPending ? "Retrying…" : "Retry delivery"}
      </button>
      {retry.error ? <p role="alert" className="mt-1 text-xs text-red-800">{retry.error.message}</p> : null}
    </div>
  );
}

function OutboxTable({ commands, now, canAct }: { commands: OutboxCommand[]; now: Date; canAct: boolean }) {
  return (
    <Table label="Commands">
      <thead>
        <tr>
          <Th>Command</Th>
          <Th>For</Th>
          <Th>Engine</Th>
          <Th>Requested</Th>
          <Th>Delivery</Th>
          {canAct ? <Th><span className="sr-only">Actions</span></Th> : null}
        </tr>
      </thead>
      <tbody>
        {commands.map((c) => (
          <tr key={c.id} className={c.delivery === "dead" ? "bg-red-50/50" : c.delivery === "overdue" ? "bg-amber-50/60" : "hover:bg-slate-50"}>
            <Td>
              <p className="font-medium">{describeCommand(c)}</p>
              {c.idempotencyKey ? <p className="font-mono text-xs text-slate-600">key {c.idempotencyKey}</p> : null}
            </Td>
            <Td>
              {c.caseId ? (
                <Link href={`/cases/${encodeURIComponent(c.caseId)}`} className="font-mono text-sm font-medium underline-offset-2 hover:underline">
                  {c.caseId}
                </Link>
              ) : (
                <span>new cases</span>
              )}
              <p className="text-xs text-slate-600">
                <Link href={`/processes/${encodeURIComponent(c.process.key)}`} className="hover:underline">
                  {c.process.name}
                </Link>
              </p>
            </Td>
            <Td>
              {c.engine.name}
              <p className="text-xs text-slate-600">{c.engine.delivery === "webhook" ? "webhook push" : "pulls commands"}</p>
            </Td>
            <Td>
              <span title={`${formatInstant(c.requestedAt)} UTC`}>{formatRelative(c.requestedAt, now)}</span> by {c.requestedBy}
              <p className="max-w-xs truncate text-xs text-slate-600" title={c.reason}>
                Why: {c.reason}
              </p>
            </Td>
            <Td>
              <DeliveryCell c={c} now={now} />
            </Td>
            {canAct ? <Td align="right">{c.delivery === "dead" ? <RetryButton c={c} /> : null}</Td> : null}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function ViewTabs({ view, counts, onChange }: { view: OutboxView; counts: Page["counts"] | undefined; onChange: (v: OutboxView) => void }) {
  return (
    <div role="tablist" aria-label="Outbox views" className="flex flex-wrap gap-1">
      {OUTBOX_VIEWS.map((v) => {
        const n = counts?.[v];
        const alarming = (v === "dead" || v === "attention") && (n ?? 0) > 0;
        return (
          <button
            key={v}
            type="button"
            role="tab"
            aria-selected={v === view}
            onClick={() => onChange(v)}
            className={`rounded-md px-3 py-1.5 text-sm font-medium ${v === view ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100"}`}
          >
            {VIEW_LABEL[v]}
            {n !== undefined ? (
              <span className={`ml-1.5 rounded-full px-1.5 text-xs tabular-nums ${alarming ? "bg-red-600 text-white" : v === view ? "bg-white/20" : "bg-slate-200"}`}>{formatCount(n)}</span>
            ) : null}
          </button>
        );
      })}
    </div>
  );
}

/** Commands on their way to the engines: what needs a person (dead letters, no answer), what is in flight, what was answered. */
export function OutboxPage({ canAct }: { canAct: boolean }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const viewParam = params.get("view");
  const view: OutboxView = OUTBOX_VIEWS.includes(viewParam as OutboxView) ? (viewParam as OutboxView) : "attention";
  const process = params.get("process") ?? "";
  const list = useOutbox(view, process);
  const processes = useProcesses();
  const now = useNow(undefined, list.dataUpdatedAt);
  const setParams = (next: { view?: OutboxView; process?: string }) => {
    const q = new URLSearchParams();
    const v = next.view ?? view;
    const p = next.process ?? process;
    if (v !== "attention") q.set("view", v);
    if (p) q.set("process", p);
    router.replace(q.size ? `${pathname}?${q}` : pathname, { scroll: false });
  };
  const first = list.data?.pages[0];
  const commands = list.data?.pages.flatMap((p) => p.commands) ?? [];
  const [emptyTitle, emptyText] = EMPTY[view];
  return (
    <>
      <PageHeader
        title="Outbox"
        subtitle={first ? `${formatCount(first.counts.attention)} need attention · ${formatCount(first.counts.in_flight)} in flight · ${formatCount(first.counts.dead)} dead-lettered` : "Loading…"}
        actions={<LiveIndicator updatedAt={list.dataUpdatedAt} failing={list.isError || list.failureCount > 0} failedAt={list.errorUpdatedAt || undefined} />}
      />
      <Card>
        <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-4 py-3">
          <ViewTabs view={view} counts={first?.counts} onChange={(v) => setParams({ view: v })} />
          <div>
            <label htmlFor="outbox-process" className="mr-2 text-sm text-slate-700">
              Process
            </label>
            <select id="outbox-process" value={process} onChange={(e) => setParams({ process: e.target.value })} className="rounded-md border border-slate-300 px-2 py-1 text-sm">
              <option value="">All processes</option>
              {(processes.data ?? []).map((p) => (
                <option key={p.key} value={p.key}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        {list.isPending ? (
          <Loading label="Loading the outbox" rows={6} />
        ) : !list.data ? (
          <ErrorState title="The outbox could not be loaded" message={list.error?.message ?? "Unknown error"} onRetry={() => void list.refetch()} />
        ) : commands.length === 0 ? (
          <Empty title={emptyTitle}>{emptyText}</Empty>
        ) : (
          <>
            <OutboxTable commands={commands} now={now} canAct={canAct} />
            {list.hasNextPage ? (
              <div className="border-t border-slate-100 px-4 py-3">
                <button type="button" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50">
                  {list.isFetchingNextPage ? "Loading…" : "Load more"}
                </button>
              </div>
            ) : null}
          </>
        )}
      </Card>
    </>
  );
}
