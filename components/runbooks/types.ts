import type { Serialized } from "@/lib/serialized";
import type { getRunbookVersion } from "@/lib/server/runbooks/get-runbook-version";
import type { getRunbook, getRunbooks } from "@/lib/server/runbooks/get-runbooks";
import type { saveRunbook } from "@/lib/server/runbooks/save-runbook";

export type RunbookList = Serialized<Awaited<ReturnType<typeof getRunbooks>>>;
export type RunbookDetailResponse = Serialized<Awaited<ReturnType<typeof getRunbook>>>;
export type RunbookDetail = RunbookDetailResponse["runbook"];
export type RunbookVersionResponse = Serialized<Awaited<ReturnType<typeof getRunbookVersion>>>;
export type SaveRunbookResponse = Serialized<Awaited<ReturnType<typeof saveRunbook>>>;
