import { projectQueuedCases } from "@/lib/server/events/project-cases";
import type { Job } from "@/worker/runner";

/**
 * Brings cases up to date with newly ingested events, a quarter of a second behind.
 * Waiting between rounds lets a busy case's events collect, so it is written once for
 * several of them; only a full round (a backlog) is followed at once by the next.
 */
export const projectCases: Job = {
  name: "project-cases",
  intervalMs: 1000,
  run: async (ctx) => (await projectQueuedCases(ctx)).full,
};

export const JOBS: Job[] = [projectCases];
