/** TanStack Query keys of processes: one factory, so invalidations match. */
export const processKeys = {
  all: ["processes"] as const,
  list: () => [...processKeys.all, "list"] as const,
  backlog: (key: string, window: string) => [...processKeys.all, "backlog", key, window] as const,
};
