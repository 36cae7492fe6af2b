/** TanStack Query keys of cases. */
export const caseKeys = {
  all: ["cases"] as const,
  list: (query: string) => [...caseKeys.all, "list", query] as const,
  facets: (query: string) => [...caseKeys.all, "facets", query] as const,
  detail: (id: string) => [...caseKeys.all, "detail", id] as const,
};
