import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/context";

export type TimelineKind = "triggered" | "assigned" | "notified" | "escalated" | "acknowledged" | "reassigned" | "action" | "severity" | "resolved" | "reopened";

/** Adds one entry to an incident's timeline; call it in the transaction of the change it records. */
export async function recordTimeline(
  tx: Tx,
  incidentId: string,
  kind: TimelineKind,
  message: string,
  options: { at?: Date; actorLabel?: string | null; data?: Prisma.InputJsonValue } = {},
): Promise<void> {
  await tx.incidentEvent.create({
    data: { incidentId, kind, message, at: options.at ?? new Date(), actorLabel: options.actorLabel ?? null, data: options.data },
  });
}
