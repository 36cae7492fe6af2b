import { serialized } from "@/lib/serialized";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DateTime } from "luxon";
import { CalendarFeedButton } from "@/components/oncall/calendar-feed-button";
import { EscalationPolicies } from "@/components/oncall/escalation-policies";
import { ScheduleForm } from "@/components/oncall/schedule-form";
import { ScheduleSection } from "@/components/oncall/schedule-section";
import { TeamOverview } from "@/components/teams/team-overview";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { pageContext } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { getEscalationPolicies } from "@/lib/server/oncall/get-escalation-policies";
import { getMyFeed } from "@/lib/server/oncall/get-my-feed";
import { getSchedule } from "@/lib/server/oncall/get-schedule";
import { getScheduleTimeline } from "@/lib/server/oncall/get-schedule-timeline";
import { getTeam } from "@/lib/server/teams/get-team";
import { listPeople } from "@/lib/server/teams/list-people";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Team" };

type Props = { params: Promise<{ id: string }> };

/** JSON round trip: what the API would send, so client components get the same shape on first render. */

export default async function TeamPage({ params }: Props) {
  const { actor, ctx } = await pageContext("teams:read");
  const id = (await params).id;
  const now = new Date();
  const team = await getTeam(ctx, { id }, now).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const canManage = can(actor.role, "teams:manage");
  const canSchedule = can(actor.role, "schedules:manage");
  const scheduleId = team.schedule?.id;
  const [schedule, timeline, policies, people, myFeed] = await Promise.all([
    scheduleId ? getSchedule(ctx, { id: scheduleId }, now) : null,
    scheduleId ? getScheduleTimeline(ctx, { id: scheduleId }, now) : null,
    getEscalationPolicies(ctx, { teamId: team.id }),
    listPeople(ctx),
    getMyFeed(ctx),
  ]);
  const members = team.members.map((m) => ({ id: m.id, name: m.name }));
  const today = DateTime.fromJSDate(now, { zone: schedule?.timeZone ?? "UTC" }).toISODate()!;
  return (
    <>
      <PageHeader
        title={team.name}
        subtitle={
          <>
            <Link href="/teams" className="hover:underline">
              Teams
            </Link>{" "}
            · {team.members.length} {team.members.length === 1 ? "member" : "members"} · owns {team.processes.length} {team.processes.length === 1 ? "process" : "processes"}
          </>
        }
        actions={<CalendarFeedButton endpoint="/api/v1/schedules/my-calendar-feed" label="my on-call calendar" hasFeed={myFeed.hasFeed} />}
      />
      <div className="grid gap-4">
        <TeamOverview initial={serialized(team)} people={serialized(people)} canManage={canManage} />
        {schedule && timeline ? (
          <ScheduleSection
            initialSchedule={serialized(schedule)}
            initialTimeline={serialized(timeline)}
            members={members}
            canEdit={canSchedule}
            today={today}
          />
        ) : (
          <Card title="Schedule">
            {canSchedule && members.length > 0 ? (
              <div className="p-4">
                <p className="mb-3 text-sm text-amber-800">No on-call schedule yet: incidents for this team reach nobody. Set up the rotation.</p>
                <ScheduleForm teamId={team.id} schedule={null} members={members} today={today} />
              </div>
            ) : (
              <p className="px-4 py-3 text-sm text-amber-800">
                No on-call schedule yet.{canSchedule ? " Add members to the team first." : " A manager sets up the rotation."}
              </p>
            )}
          </Card>
        )}
        <Card title="Escalation policies">
          <EscalationPolicies teamId={team.id} initial={serialized(policies)} people={people.map((p) => ({ id: p.id, name: p.name }))} canEdit={canSchedule} />
        </Card>
      </div>
    </>
  );
}
