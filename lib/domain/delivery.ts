/** Webhook delivery of commands: exponential backoff, then a dead letter after 24 h. */
export const REDELIVER_AFTER_SEC = 60;
export const GIVE_UP_AFTER_SEC = 24 * 3600;
const FIRST_RETRY_SEC = 10;
const MAX_RETRY_SEC = 3600;

/** Seconds to wait after the `attempts`-th failed try: 10 s, 20 s, 40 s … capped at an hour. */
export function retryDelaySec(attempts: number): number {
  return Math.min(MAX_RETRY_SEC, FIRST_RETRY_SEC * 2 ** Math.max(0, attempts - 1));
}

/** Whether a failed delivery should be dead-lettered instead of retried. */
export function shouldGiveUp(deliverySince: Date, now: Date): boolean {
  return now.getTime() - deliverySince.getTime() >= GIVE_UP_AFTER_SEC * 1000;
}
