/** TanStack Query keys of the signed-in person's inbox. */
export const inboxKeys = {
  all: ["inbox"] as const,
  list: () => [...inboxKeys.all, "list"] as const,
};
