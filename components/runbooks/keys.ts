/** TanStack Query keys of runbooks: one factory, so invalidations match. */
export const runbookKeys = {
  all: ["runbooks"] as const,
  process: (key: string) => [...runbookKeys.all, key] as const,
  list: (key: string) => [...runbookKeys.process(key), "list"] as const,
  detail: (key: string, kind: string) => [...runbookKeys.process(key), "detail", kind] as const,
  version: (key: string, kind: string, version: number) => [...runbookKeys.process(key), "detail", kind, "version", version] as const,
};
