import type { TEvent } from "@/lib/validation/event";
import type { Ack, EngineCommand } from "./commands";
import type { StepAttempt } from "./simulator";

type TimelineEvent = { type: string; state: string | null; provider: string | null; attempt: number | null; idempotencyKey: string | null };

const BATCH = 500;

/** Posts events in batches to `POST /api/v1/events`, retrying while the server is unavailable. */
export class EventSender {
  constructor(
    private readonly url: string,
    private readonly apiKey: string,
  ) {}

  /** The commands waiting for this engine (GET /api/v1/commands); none while the server is away. */
  async pullCommands(): Promise<EngineCommand[]> {
    try {
      const res = await fetch(`${this.url}/api/v1/commands?limit=100`, { headers: { authorization: `Bearer ${this.apiKey}` } });
      if (!res.ok) return [];
      return ((await res.json()) as { commands: EngineCommand[] }).commands;
    } catch {
      return []; // the server is restarting: undelivered commands come again
    }
  }

  /**
   * The case's latest step attempt as Flowdeck recorded it (GET /api/v1/cases/{id}), for
   * a command about a case this engine forgot when it restarted; null when unknown.
   */
  async lastStep(caseId: string): Promise<StepAttempt | null> {
    try {
      const res = await fetch(`${this.url}/api/v1/cases/${encodeURIComponent(caseId)}`, { headers: { authorization: `Bearer ${this.apiKey}` } });
      if (!res.ok) return null;
      const { timeline } = (await res.json()) as { timeline: TimelineEvent[] };
      const last = timeline.findLast((e) => e.type === "step.attempted");
      if (!last?.state || !last.provider || !last.idempotencyKey) return null;
      return { state: last.state, provider: last.provider, key: last.idempotencyKey, attempt: last.attempt ?? 1 };
    } catch {
      return null; // the server is away: the command is then answered without it
    }
  }

  /** Answers a command; a lost answer is fine, the command is redelivered and answered again. */
  async ack(id: string, ack: Ack): Promise<void> {
    await fetch(`${this.url}/api/v1/commands/${id}/ack`, {
      method: "POST",
      headers: { authorization: `Bearer ${this.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify(ack),
    }).catch(() => undefined);
  }

  async send(events: TEvent[]): Promise<void> {
    for (let i = 0; i < events.length; i += BATCH) await this.post(events.slice(i, i + BATCH));
  }

  private async post(batch: TEvent[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        const res = await fetch(`${this.url}/api/v1/events`, {
          method: "POST",
          headers: { authorization: `Bearer ${this.apiKey}`, "content-type": "application/json" },
          body: JSON.stringify({ events: batch }),
        });
        if (res.status === 202) return;
        const text = await res.text();
        // A refused batch is a bug in the workload: say so, and do not retry it forever.
        if (res.status < 500) throw new Error(`the server refused a batch (${res.status}): ${text}`);
        console.warn(`workload: the server answered ${res.status}; retrying`);
      } catch (error) {
        if (error instanceof Error && error.message.startsWith("the server refused")) throw error;
        if (attempt % 10 === 1) console.warn(`workload: cannot reach ${this.url} (${(error as Error).message}); retrying`);
      }
      await new Promise((r) => setTimeout(r, Math.min(10_000, 250 * 2 ** Math.min(attempt, 6))));
    }
  }
}
