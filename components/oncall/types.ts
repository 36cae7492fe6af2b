import type { Serialized } from "@/lib/serialized";
import type { getEscalationPolicies } from "@/lib/server/oncall/get-escalation-policies";
import type { getSchedule } from "@/lib/server/oncall/get-schedule";
import type { getScheduleTimeline } from "@/lib/server/oncall/get-schedule-timeline";

export type ScheduleDetail = Serialized<Awaited<ReturnType<typeof getSchedule>>>;
export type ScheduleTimeline = Serialized<Awaited<ReturnType<typeof getScheduleTimeline>>>;
export type PolicyView = Serialized<Awaited<ReturnType<typeof getEscalationPolicies>>[number]>;
/** A team member as the on-call editors offer them. */
export type MemberOption = { id: string; name: string };
