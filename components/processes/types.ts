import type { Serialized } from "@/lib/serialized";
import type { getBacklog } from "@/lib/server/processes/get-backlog";
import type { listProcesses } from "@/lib/server/processes/list-processes";

export type ProcessSummary = Serialized<Awaited<ReturnType<typeof listProcesses>>[number]>;
export type Backlog = Serialized<Awaited<ReturnType<typeof getBacklog>>>;
