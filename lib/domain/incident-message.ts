import type { Severity } from "@/lib/domain/escalation";

export type IncidentNotice = {
  /** What happened to the incident: the first line of the message. */
  event: "triggered" | "escalated" | "reassigned" | "acknowledged" | "resolved";
  incidentId: string;
  title: string;
  severity: Severity;
  processName: string | null;
  assignee: string | null;
  summary: string;
  url: string;
};

const HEADLINE: Record<IncidentNotice["event"], string> = {
  triggered: "Incident triggered",
  escalated: "Incident escalated",
  reassigned: "Incident reassigned",
  acknowledged: "Incident acknowledged",
  resolved: "Incident resolved",
};

/** Slack's mrkdwn treats &, < and > as markup. */
function escape(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** The in-app inbox line of a notice. */
export function inboxTitle(n: IncidentNotice): string {
  return `${n.severity} ${HEADLINE[n.event].toLowerCase()}: ${n.title}`;
}

/**
 * A Slack-compatible incoming-webhook payload: `text` for notifications and clients
 * without blocks, `blocks` for the message itself.
 */
export function slackPayload(n: IncidentNotice): { text: string; blocks: unknown[] } {
  const text = `[${n.severity}] ${HEADLINE[n.event]}: ${n.title}`;
  const facts = [
    `*Severity:* ${n.severity}`,
    `*Process:* ${escape(n.processName ?? "none")}`,
    `*Assigned to:* ${escape(n.assignee ?? "nobody on call")}`,
  ];
  return {
    text,
    blocks: [
      { type: "header", text: { type: "plain_text", text: `${HEADLINE[n.event]} · ${n.severity}`.slice(0, 150) } },
      { type: "section", text: { type: "mrkdwn", text: `*<${n.url}|${escape(n.title)}>*\n${escape(n.summary)}` } },
      { type: "section", fields: facts.map((f) => ({ type: "mrkdwn", text: f })) },
      { type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: "Open in Flowdeck" }, url: n.url }] },
    ],
  };
}
