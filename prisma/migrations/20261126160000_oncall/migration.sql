-- CreateEnum
CREATE TYPE "rotation_unit" AS ENUM ('hours', 'days', 'weeks');

-- CreateEnum
CREATE TYPE "severity" AS ENUM ('SEV1', 'SEV2', 'SEV3');

-- CreateEnum
CREATE TYPE "incident_type" AS ENUM ('slo_burn', 'stuck_cases', 'dependency_outage', 'version_regression');

-- CreateEnum
CREATE TYPE "incident_status" AS ENUM ('open', 'acknowledged', 'resolved');

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "ical_token_hash" TEXT;

-- AlterTable
ALTER TABLE "teams" ADD COLUMN     "webhook_secret" TEXT,
ADD COLUMN     "webhook_url" TEXT;

-- AlterTable
ALTER TABLE "processes" ADD COLUMN     "detectors" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "owner_id" TEXT;

-- CreateTable
CREATE TABLE "schedules" (
    "id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "time_zone" TEXT NOT NULL,
    "ical_token_hash" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "schedules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "schedule_layers" (
    "id" TEXT NOT NULL,
    "schedule_id" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "members" JSONB NOT NULL,
    "rotation_every" INTEGER NOT NULL,
    "rotation_unit" "rotation_unit" NOT NULL,
    "handoff_time" TEXT NOT NULL,
    "start_date" TEXT NOT NULL,

    CONSTRAINT "schedule_layers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "schedule_overrides" (
    "id" TEXT NOT NULL,
    "schedule_id" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "user_id" TEXT NOT NULL,
    "replaces_user_id" TEXT,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT,
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "schedule_overrides_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "escalation_policies" (
    "id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "severity" "severity" NOT NULL,
    "steps" JSONB NOT NULL,
    "repeat" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "escalation_policies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incidents" (
    "id" TEXT NOT NULL,
    "type" "incident_type" NOT NULL,
    "key" TEXT NOT NULL,
    "open_key" TEXT,
    "process_id" TEXT,
    "team_id" TEXT,
    "slo_id" TEXT,
    "severity" "severity" NOT NULL,
    "status" "incident_status" NOT NULL DEFAULT 'open',
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "affected_case_ids" JSONB NOT NULL DEFAULT '[]',
    "affected_cases" INTEGER NOT NULL DEFAULT 0,
    "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "clear_since" TIMESTAMPTZ(3),
    "acknowledged_at" TIMESTAMPTZ(3),
    "acknowledged_by_id" TEXT,
    "resolved_at" TIMESTAMPTZ(3),
    "resolved_by_id" TEXT,
    "assignee_id" TEXT,
    "policy" JSONB NOT NULL,
    "escalation_level" INTEGER NOT NULL DEFAULT 0,
    "next_escalation_at" TIMESTAMPTZ(3),

    CONSTRAINT "incidents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incident_events" (
    "id" BIGSERIAL NOT NULL,
    "incident_id" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "actor_label" TEXT,
    "message" TEXT NOT NULL,
    "data" JSONB,

    CONSTRAINT "incident_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "incident_id" TEXT,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "team_webhook_deliveries" (
    "id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "incident_id" TEXT,
    "body" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivered_at" TIMESTAMPTZ(3),
    "dead_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "team_webhook_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "runbooks" (
    "id" TEXT NOT NULL,
    "process_id" TEXT NOT NULL,
    "kind" "incident_type" NOT NULL,
    "version" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "author_id" TEXT,
    "author_label" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "runbooks_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "schedules_ical_token_hash_key" ON "schedules"("ical_token_hash");

-- CreateIndex
CREATE UNIQUE INDEX "schedules_team_id_name_key" ON "schedules"("team_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "schedule_layers_schedule_id_level_key" ON "schedule_layers"("schedule_id", "level");

-- CreateIndex
CREATE INDEX "schedule_overrides_schedule_id_ends_at_idx" ON "schedule_overrides"("schedule_id", "ends_at");

-- CreateIndex
CREATE UNIQUE INDEX "escalation_policies_team_id_severity_key" ON "escalation_policies"("team_id", "severity");

-- CreateIndex
CREATE UNIQUE INDEX "incidents_open_key_key" ON "incidents"("open_key");

-- CreateIndex
CREATE INDEX "incidents_status_opened_at_idx" ON "incidents"("status", "opened_at" DESC);

-- CreateIndex
CREATE INDEX "incidents_process_id_opened_at_idx" ON "incidents"("process_id", "opened_at" DESC);

-- CreateIndex
CREATE INDEX "incidents_next_escalation_at_idx" ON "incidents"("next_escalation_at");

-- CreateIndex
CREATE INDEX "incidents_opened_at_idx" ON "incidents"("opened_at" DESC);

-- CreateIndex
CREATE INDEX "incident_events_incident_id_at_idx" ON "incident_events"("incident_id", "at");

-- CreateIndex
CREATE INDEX "notifications_user_id_created_at_idx" ON "notifications"("user_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "notifications_user_id_read_at_idx" ON "notifications"("user_id", "read_at");

-- CreateIndex
CREATE INDEX "team_webhook_deliveries_delivered_at_dead_at_next_attempt_a_idx" ON "team_webhook_deliveries"("delivered_at", "dead_at", "next_attempt_at");

-- CreateIndex
CREATE UNIQUE INDEX "runbooks_process_id_kind_version_key" ON "runbooks"("process_id", "kind", "version");

-- CreateIndex
CREATE UNIQUE INDEX "users_ical_token_hash_key" ON "users"("ical_token_hash");

-- AddForeignKey
ALTER TABLE "processes" ADD CONSTRAINT "processes_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "schedule_layers" ADD CONSTRAINT "schedule_layers_schedule_id_fkey" FOREIGN KEY ("schedule_id") REFERENCES "schedules"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "schedule_overrides" ADD CONSTRAINT "schedule_overrides_schedule_id_fkey" FOREIGN KEY ("schedule_id") REFERENCES "schedules"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "escalation_policies" ADD CONSTRAINT "escalation_policies_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_process_id_fkey" FOREIGN KEY ("process_id") REFERENCES "processes"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_events" ADD CONSTRAINT "incident_events_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_webhook_deliveries" ADD CONSTRAINT "team_webhook_deliveries_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "runbooks" ADD CONSTRAINT "runbooks_process_id_fkey" FOREIGN KEY ("process_id") REFERENCES "processes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

