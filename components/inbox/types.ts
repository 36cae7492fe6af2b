import type { Serialized } from "@/lib/serialized";
import type { listInbox } from "@/lib/server/inbox/list-inbox";

export type Inbox = Serialized<Awaited<ReturnType<typeof listInbox>>>;
export type InboxItem = Inbox["items"][number];
