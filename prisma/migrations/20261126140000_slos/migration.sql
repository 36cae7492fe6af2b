-- CreateEnum
CREATE TYPE "sli_type" AS ENUM ('cycle_time', 'stuck_ratio', 'failure_rate', 'retry_rate', 'compensation_rate');

-- CreateEnum
CREATE TYPE "alert_severity" AS ENUM ('page', 'ticket');

-- AlterTable
ALTER TABLE "processes" DROP COLUMN "cycle_time_target_sec";

-- AlterTable
ALTER TABLE "cases" ADD COLUMN     "intervened" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "open_started_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "stat_buckets" DROP CONSTRAINT "stat_buckets_pkey",
DROP COLUMN "completed_within_target",
ADD COLUMN     "bad_outcome" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "finished" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "version" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "within_12h" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "within_15m" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "within_1d" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "within_1h" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "within_2d" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "within_2h" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "within_30m" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "within_3d" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "within_4h" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "within_7d" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "within_8h" INTEGER NOT NULL DEFAULT 0,
ADD CONSTRAINT "stat_buckets_pkey" PRIMARY KEY ("process_id", "version", "minute");

-- CreateTable
CREATE TABLE "stat_buckets_hourly" (
    "process_id" TEXT NOT NULL,
    "version" TEXT NOT NULL DEFAULT '',
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "started" INTEGER NOT NULL DEFAULT 0,
    "finished" INTEGER NOT NULL DEFAULT 0,
    "completed" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "cancelled" INTEGER NOT NULL DEFAULT 0,
    "retried" INTEGER NOT NULL DEFAULT 0,
    "compensated" INTEGER NOT NULL DEFAULT 0,
    "bad_outcome" INTEGER NOT NULL DEFAULT 0,
    "within_15m" INTEGER NOT NULL DEFAULT 0,
    "within_30m" INTEGER NOT NULL DEFAULT 0,
    "within_1h" INTEGER NOT NULL DEFAULT 0,
    "within_2h" INTEGER NOT NULL DEFAULT 0,
    "within_4h" INTEGER NOT NULL DEFAULT 0,
    "within_8h" INTEGER NOT NULL DEFAULT 0,
    "within_12h" INTEGER NOT NULL DEFAULT 0,
    "within_1d" INTEGER NOT NULL DEFAULT 0,
    "within_2d" INTEGER NOT NULL DEFAULT 0,
    "within_3d" INTEGER NOT NULL DEFAULT 0,
    "within_7d" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "stat_buckets_hourly_pkey" PRIMARY KEY ("process_id","version","hour")
);

-- CreateTable
CREATE TABLE "process_counters" (
    "process_id" TEXT NOT NULL,
    "open" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "process_counters_pkey" PRIMARY KEY ("process_id")
);

-- CreateTable
CREATE TABLE "stuck_samples" (
    "process_id" TEXT NOT NULL,
    "minute" TIMESTAMPTZ(3) NOT NULL,
    "open" INTEGER NOT NULL,
    "stuck" INTEGER NOT NULL,

    CONSTRAINT "stuck_samples_pkey" PRIMARY KEY ("process_id","minute")
);

-- CreateTable
CREATE TABLE "stuck_samples_hourly" (
    "process_id" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "samples" INTEGER NOT NULL,
    "open" INTEGER NOT NULL,
    "stuck" INTEGER NOT NULL,

    CONSTRAINT "stuck_samples_hourly_pkey" PRIMARY KEY ("process_id","hour")
);

-- CreateTable
CREATE TABLE "slos" (
    "id" TEXT NOT NULL,
    "process_id" TEXT NOT NULL,
    "version" TEXT,
    "name" TEXT NOT NULL,
    "sli" "sli_type" NOT NULL,
    "target_sec" INTEGER,
    "objective" DOUBLE PRECISION NOT NULL,
    "window_days" INTEGER NOT NULL,
    "tiers" JSONB NOT NULL,
    "min_bad_events" INTEGER NOT NULL DEFAULT 5,
    "status" JSONB,
    "evaluated_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "slos_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "slo_alerts" (
    "id" TEXT NOT NULL,
    "slo_id" TEXT NOT NULL,
    "tier" INTEGER NOT NULL,
    "severity" "alert_severity" NOT NULL,
    "factor" DOUBLE PRECISION NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),
    "burn_long" DOUBLE PRECISION NOT NULL,
    "burn_short" DOUBLE PRECISION NOT NULL,
    "budget_remaining" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "slo_alerts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "stat_buckets_hourly_process_id_hour_idx" ON "stat_buckets_hourly"("process_id", "hour");

-- CreateIndex
CREATE INDEX "slos_process_id_idx" ON "slos"("process_id");

-- CreateIndex
CREATE INDEX "slo_alerts_slo_id_resolved_at_idx" ON "slo_alerts"("slo_id", "resolved_at");

-- CreateIndex
CREATE INDEX "slo_alerts_resolved_at_idx" ON "slo_alerts"("resolved_at");

-- CreateIndex
CREATE INDEX "cases_process_id_open_started_at_idx" ON "cases"("process_id", "open_started_at");

-- CreateIndex
CREATE INDEX "cases_process_id_finished_at_idx" ON "cases"("process_id", "finished_at");

-- CreateIndex
CREATE INDEX "stat_buckets_process_id_minute_idx" ON "stat_buckets"("process_id", "minute");

-- AddForeignKey
ALTER TABLE "stat_buckets_hourly" ADD CONSTRAINT "stat_buckets_hourly_process_id_fkey" FOREIGN KEY ("process_id") REFERENCES "processes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "process_counters" ADD CONSTRAINT "process_counters_process_id_fkey" FOREIGN KEY ("process_id") REFERENCES "processes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stuck_samples" ADD CONSTRAINT "stuck_samples_process_id_fkey" FOREIGN KEY ("process_id") REFERENCES "processes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stuck_samples_hourly" ADD CONSTRAINT "stuck_samples_hourly_process_id_fkey" FOREIGN KEY ("process_id") REFERENCES "processes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "slos" ADD CONSTRAINT "slos_process_id_fkey" FOREIGN KEY ("process_id") REFERENCES "processes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "slo_alerts" ADD CONSTRAINT "slo_alerts_slo_id_fkey" FOREIGN KEY ("slo_id") REFERENCES "slos"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Open cases already stored get their start in the new column (finished ones keep null).
UPDATE "cases" SET "open_started_at" = "started_at" WHERE "stuck_after" IS NOT NULL;

-- The projector keeps these counts from now on; start them from the cases already stored.
INSERT INTO "process_counters" ("process_id", "open")
SELECT "process_id", count(*) FROM "cases" WHERE "stuck_after" IS NOT NULL GROUP BY "process_id";
