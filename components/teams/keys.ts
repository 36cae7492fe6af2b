/** TanStack Query keys of teams: one factory, so invalidations match. */
export const teamKeys = {
  all: ["teams"] as const,
  list: () => [...teamKeys.all, "list"] as const,
  detail: (id: string) => [...teamKeys.all, "detail", id] as const,
  policies: (id: string) => [...teamKeys.all, "detail", id, "policies"] as const,
};
