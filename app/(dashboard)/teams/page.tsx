import { serialized } from "@/lib/serialized";
import type { Metadata } from "next";
import { CalendarFeedButton } from "@/components/oncall/calendar-feed-button";
import { NewTeamButton } from "@/components/teams/new-team-button";
import { OwnershipReviewCard } from "@/components/teams/ownership-review-card";
import { TeamsTable } from "@/components/teams/teams-table";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { pageContext } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { getMyFeed } from "@/lib/server/oncall/get-my-feed";
import { listTeams } from "@/lib/server/teams/list-teams";
import { ownershipReview } from "@/lib/server/teams/ownership-review";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Teams" };

/** JSON round trip: what the API would send, so client components get the same shape on first render. */

export default async function TeamsPage() {
  const { actor, ctx } = await pageContext("teams:read");
  const canManage = can(actor.role, "teams:manage");
  const now = new Date();
  const [teams, review, myFeed] = await Promise.all([listTeams(ctx, now), canManage ? ownershipReview(ctx, now) : null, getMyFeed(ctx)]);
  return (
    <>
      <PageHeader
        title="Teams"
        subtitle="Who owns each process, and who is on call for it now."
        actions={
          <>
            <CalendarFeedButton endpoint="/api/v1/schedules/my-calendar-feed" label="my on-call calendar" hasFeed={myFeed.hasFeed} />
            {canManage ? <NewTeamButton /> : null}
          </>
        }
      />
      <div className="grid gap-4">
        {review ? <OwnershipReviewCard review={serialized(review)} /> : null}
        <Card title="Teams">
          <TeamsTable initial={serialized(teams)} />
        </Card>
      </div>
    </>
  );
}
