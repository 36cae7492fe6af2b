-- Finished cases by process and time, carrying version and status: the version-regression
-- detector and the SLO's bad-case lists count and filter them from the index alone
-- (an index-only scan) instead of visiting every finished case's row.
DROP INDEX "cases_process_id_finished_at_idx";

-- CreateIndex
CREATE INDEX "cases_process_id_finished_at_version_status_idx" ON "cases"("process_id", "finished_at", "version", "status");
