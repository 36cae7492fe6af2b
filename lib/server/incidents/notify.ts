import "server-only";
import { publicUrl } from "@/lib/env";
import { inboxTitle, slackPayload, type IncidentNotice } from "@/lib/domain/incident-message";
import type { Severity } from "@/lib/domain/escalation";
import type { Tx } from "@/lib/server/context";
import { recordTimeline } from "@/lib/server/incidents/timeline";

type IncidentRef = { id: string; title: string; summary: string; severity: Severity; teamId: string | null; processName: string | null };

/**
 * Tells people about an incident: an inbox entry per user and, when the team has a
 * webhook, a Slack-compatible post queued for delivery (deliver-team-webhooks.ts).
 * Each goes on the incident's timeline in the same transaction.
 */
export async function notify(
  tx: Tx,
  incident: IncidentRef,
  event: IncidentNotice["event"],
  users: { id: string; name: string }[],
  options: { at: Date; assignee: string | null; reason?: string },
): Promise<void> {
  const notice: IncidentNotice = {
    event,
    incidentId: incident.id,
    title: incident.title,
    severity: incident.severity,
    processName: incident.processName,
    assignee: options.assignee,
    summary: incident.summary,
    url: `${publicUrl()}/incidents/${incident.id}`,
  };
  const unique = [...new Map(users.map((u) => [u.id, u])).values()];
  if (unique.length > 0) {
    await tx.notification.createMany({
      data: unique.map((u) => ({ userId: u.id, incidentId: incident.id, title: inboxTitle(notice), body: incident.summary, createdAt: options.at })),
    });
    const why = options.reason ? ` (${options.reason})` : "";
    await recordTimeline(tx, incident.id, "notified", `Notified ${unique.map((u) => u.name).join(", ")} in the inbox${why}`, {
      at: options.at,
      data: { channel: "inbox", users: unique.map((u) => u.id) },
    });
  }
  if (!incident.teamId) return;
  const team = await tx.team.findUnique({ where: { id: incident.teamId }, select: { name: true, webhookUrl: true } });
  if (!team?.webhookUrl) return;
  await tx.teamWebhookDelivery.create({
    data: { teamId: incident.teamId, incidentId: incident.id, body: JSON.stringify(slackPayload(notice)), nextAttemptAt: options.at, createdAt: options.at },
  });
  await recordTimeline(tx, incident.id, "notified", `Posted to ${team.name}'s webhook`, { at: options.at, data: { channel: "webhook" } });
}
