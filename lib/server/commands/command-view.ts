import "server-only";

/** The columns of a command every view shows (never lease or delivery internals). */
export const COMMAND_SELECT = {
  id: true,
  type: true,
  state: true,
  idempotencyKey: true,
  params: true,
  reason: true,
  requestedAt: true,
  requestedBy: true,
  status: true,
  attempts: true,
  deliveredAt: true,
  acknowledgedAt: true,
  ackMessage: true,
  lastError: true,
  deadAt: true,
} as const;
