import type { Serialized } from "@/lib/serialized";
import type { getProcessOwnership } from "@/lib/server/teams/get-process-ownership";
import type { getTeam } from "@/lib/server/teams/get-team";
import type { listPeople } from "@/lib/server/teams/list-people";
import type { listTeamChoices } from "@/lib/server/teams/list-team-choices";
import type { listTeams } from "@/lib/server/teams/list-teams";
import type { ownershipReview } from "@/lib/server/teams/ownership-review";

export type TeamSummary = Serialized<Awaited<ReturnType<typeof listTeams>>[number]>;
export type TeamDetail = Serialized<Awaited<ReturnType<typeof getTeam>>>;
export type Person = Serialized<Awaited<ReturnType<typeof listPeople>>[number]>;
export type TeamChoice = Serialized<Awaited<ReturnType<typeof listTeamChoices>>[number]>;
export type ProcessOwnership = Serialized<Awaited<ReturnType<typeof getProcessOwnership>>>;
export type OwnershipReview = Serialized<Awaited<ReturnType<typeof ownershipReview>>>;
export type OnCallNow = TeamDetail["onCall"];
