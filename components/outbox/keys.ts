/** TanStack Query keys of the outbox. */
export const outboxKeys = {
  all: ["outbox"] as const,
  list: (view: string, process: string) => [...outboxKeys.all, "list", view, process] as const,
  attention: () => [...outboxKeys.all, "attention"] as const,
};
