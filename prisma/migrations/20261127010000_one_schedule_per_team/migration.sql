-- A team has one on-call schedule (its primary and secondary layers): incidents are
-- routed by it, so a second one would be a schedule nobody is paged from. A database
-- that holds a team with two schedules stops here with a unique violation naming the
-- team's id, and changes nothing: keep one (DELETE FROM schedules WHERE id = '…') and migrate again.
DROP INDEX "schedules_team_id_name_key";

-- CreateIndex
CREATE UNIQUE INDEX "schedules_team_id_key" ON "schedules"("team_id");
