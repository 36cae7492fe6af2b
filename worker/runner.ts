import type { Ctx } from "@/lib/server/context";

/**
 * A background job: a name, how long to wait between rounds, and a round that is safe
 * to run again after a crash (work is claimed and finished in one transaction).
 * `run` returns true when it left work behind, to be called again right away.
 */
export type Job = {
  name: string;
  intervalMs: number;
  run(ctx: Ctx, now: Date): Promise<boolean>;
};

export type WorkerHandle = { stop(): Promise<void> };

const MAX_BACKOFF_MS = 30_000;

/** Runs each job on its own loop until stopped; a failing round is logged and retried with backoff. */
export function startWorker(jobs: Job[], ctx: Ctx, log: (line: string) => void = console.log): WorkerHandle {
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();
  const wakeups = new Set<() => void>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        wakeups.delete(resolve);
        resolve();
      }, ms);
      timers.add(timer);
      wakeups.add(resolve);
    });

  const loops = jobs.map(async (job) => {
    let failures = 0;
    while (!stopped) {
      try {
        const more = await job.run(ctx, new Date());
        failures = 0;
        if (!more) await sleep(job.intervalMs);
      } catch (error) {
        failures++;
        const wait = Math.min(MAX_BACKOFF_MS, job.intervalMs * 2 ** failures);
        log(`worker: ${job.name} failed (${(error as Error).message}); retrying in ${Math.round(wait / 1000)} s`);
        await sleep(wait);
      }
    }
  });
  log(`worker: running ${jobs.map((j) => j.name).join(", ")}`);

  return {
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      for (const wake of wakeups) wake();
      await Promise.all(loops);
    },
  };
}
