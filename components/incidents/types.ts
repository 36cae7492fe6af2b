import type { Serialized } from "@/lib/serialized";
import type { IncidentDetail as ServerIncidentDetail } from "@/lib/server/incidents/get-incident";
import type { IncidentRow as ServerIncidentRow } from "@/lib/server/incidents/list-incidents";
import type { listPeople } from "@/lib/server/teams/list-people";

/** The API's JSON of incidents, as client components receive it. */
export type IncidentRow = Serialized<ServerIncidentRow>;
export type IncidentDetail = Serialized<ServerIncidentDetail>;
export type TimelineEntry = IncidentDetail["timeline"][number];
export type IncidentRunbook = NonNullable<IncidentDetail["runbook"]>;
export type RunbookStepWithPlan = IncidentRunbook["sections"][number]["steps"][number];
export type Planned = NonNullable<RunbookStepWithPlan["planned"]>;
export type Person = Serialized<Awaited<ReturnType<typeof listPeople>>[number]>;
