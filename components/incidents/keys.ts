/** TanStack Query keys of incidents: one factory, so invalidations match. */
export const incidentKeys = {
  all: ["incidents"] as const,
  list: (query: string) => [...incidentKeys.all, "list", query] as const,
  unresolvedCount: () => [...incidentKeys.all, "unresolved-count"] as const,
  detail: (id: string) => [...incidentKeys.all, "detail", id] as const,
};
