/** TanStack Query keys of schedules. */
export const scheduleKeys = {
  all: ["schedules"] as const,
  detail: (id: string) => [...scheduleKeys.all, id] as const,
  timeline: (id: string) => [...scheduleKeys.all, id, "timeline"] as const,
};
