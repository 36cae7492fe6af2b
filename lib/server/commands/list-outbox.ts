import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { attentionCutoff, deliveryState, type OutboxView } from "@/lib/domain/outbox";
import { decodeCursor, encodeCursor } from "@/lib/pagination";
import { authorize } from "@/lib/server/authorize";
import { COMMAND_SELECT } from "@/lib/server/commands/command-view";
import type { Ctx } from "@/lib/server/context";
import type { TListOutbox } from "@/lib/validation/command";

const UNANSWERED = ["requested", "delivered"] as const;
const ANSWERED = ["succeeded", "failed", "rejected"] as const;

/** Each view as a query; lib/domain/outbox.ts viewsOf says the same per command. */
function viewWhere(view: OutboxView, now: Date): Prisma.CommandWhereInput {
  switch (view) {
    case "attention":
      return { status: { in: [...UNANSWERED] }, OR: [{ deadAt: { not: null } }, { requestedAt: { lt: attentionCutoff(now) } }] };
    case "in_flight":
      return { status: { in: [...UNANSWERED] }, deadAt: null };
    case "dead":
      return { status: { in: [...UNANSWERED] }, deadAt: { not: null } };
    case "answered":
      return { status: { in: [...ANSWERED] }, acknowledgedAt: { gte: new Date(now.getTime() - ANSWERED_WINDOW_MS) } };
  }
}

/** The answered view is the last day's answers: the case pages keep the whole history. */
const ANSWERED_WINDOW_MS = 24 * 3600_000;

const VIEWS: OutboxView[] = ["attention", "in_flight", "dead", "answered"];

/**
 * The outbox as on-call engineers watch it: one view of the commands (newest request
 * first, keyset-paginated), each with where it stands, and how many each view holds.
 * An unknown process key is an empty outbox, like the case list.
 */
export async function listOutbox(ctx: Ctx, input: TListOutbox, now = new Date()) {
  authorize(ctx.actor, "cases:read");
  let scope: Prisma.CommandWhereInput = {};
  if (input.process) {
    const process = await ctx.db.process.findUnique({ where: { key: input.process }, select: { id: true } });
    scope = { processId: process?.id ?? "" };
  }
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const where: Prisma.CommandWhereInput = { AND: [scope, viewWhere(input.view, now)] };
  if (after) where.OR = [{ requestedAt: { lt: after.at } }, { requestedAt: after.at, id: { lt: after.id } }];

  const [rows, ...counts] = await Promise.all([
    ctx.db.command.findMany({
      where,
      orderBy: [{ requestedAt: "desc" }, { id: "desc" }],
      take: input.limit + 1,
      select: {
        ...COMMAND_SELECT,
        caseId: true,
        process: { select: { key: true, name: true } },
        source: { select: { name: true, webhookUrl: true } },
      },
    }),
    ...VIEWS.map((view) => ctx.db.command.count({ where: { AND: [scope, viewWhere(view, now)] } })),
  ]);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    counts: Object.fromEntries(VIEWS.map((view, i) => [view, counts[i]!])) as Record<OutboxView, number>,
    commands: page.map(({ source, process, ...c }) => ({
      ...c,
      process,
      // How the engine gets it: pushed to its webhook, or fetched by the engine (pull).
      engine: { name: source.name, delivery: source.webhookUrl ? ("webhook" as const) : ("pull" as const) },
      delivery: deliveryState(c, now),
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor({ at: last.requestedAt, id: last.id }) : null,
  };
}

export type Outbox = Awaited<ReturnType<typeof listOutbox>>;
