-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "role" AS ENUM ('admin', 'ops_leader', 'process_owner', 'on_call', 'manager');

-- CreateEnum
CREATE TYPE "team_role" AS ENUM ('member', 'manager');

-- CreateEnum
CREATE TYPE "case_status" AS ENUM ('running', 'waiting', 'completed', 'failed', 'compensating', 'compensated', 'cancelled');

-- CreateEnum
CREATE TYPE "command_type" AS ENUM ('restart_step', 'reroute', 'compensate', 'pause_starts', 'resume_starts', 'progress', 'cancel');

-- CreateEnum
CREATE TYPE "command_status" AS ENUM ('requested', 'delivered', 'succeeded', 'failed', 'rejected');

-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "role" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabled_at" TIMESTAMPTZ(3),

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sign_in_throttle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL,
    "last_failure_at" TIMESTAMPTZ(3) NOT NULL,
    "blocked_until" TIMESTAMPTZ(3),

    CONSTRAINT "sign_in_throttle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "teams" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "teams_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "memberships" (
    "team_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "role" "team_role" NOT NULL DEFAULT 'member',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "memberships_pkey" PRIMARY KEY ("team_id","user_id")
);

-- CreateTable
CREATE TABLE "sources" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "webhook_url" TEXT,
    "webhook_secret" TEXT,

    CONSTRAINT "sources_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_keys" (
    "id" TEXT NOT NULL,
    "source_id" TEXT NOT NULL,
    "secret_hash" TEXT NOT NULL,
    "scopes" TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "processes" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "team_id" TEXT,
    "default_stuck_threshold_sec" INTEGER NOT NULL DEFAULT 7200,
    "stuck_thresholds" JSONB NOT NULL DEFAULT '{}',
    "cycle_time_target_sec" INTEGER NOT NULL DEFAULT 86400,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "processes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "process_versions" (
    "id" TEXT NOT NULL,
    "process_id" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "graph" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "process_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cases" (
    "id" TEXT NOT NULL,
    "process_id" TEXT NOT NULL,
    "source_id" TEXT NOT NULL,
    "version" TEXT,
    "status" "case_status" NOT NULL,
    "state" TEXT,
    "state_entered_at" TIMESTAMPTZ(3) NOT NULL,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "provider" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "retries" INTEGER NOT NULL DEFAULT 0,
    "compensations" INTEGER NOT NULL DEFAULT 0,
    "last_error_code" TEXT,
    "last_error_message" TEXT,
    "last_idempotency_key" TEXT,
    "assignee" TEXT,
    "stuck_after" TIMESTAMPTZ(3),
    "last_event_at" TIMESTAMPTZ(3) NOT NULL,
    "last_event_seq" BIGINT NOT NULL,
    "event_count" INTEGER NOT NULL DEFAULT 0,
    "backlog_moves" JSONB NOT NULL DEFAULT '[]',
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "events" (
    "seq" BIGSERIAL NOT NULL,
    "source_id" TEXT NOT NULL,
    "external_id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "process_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "process_version" TEXT,
    "state" TEXT,
    "provider" TEXT,
    "attempt" INTEGER,
    "idempotency_key" TEXT,
    "error_code" TEXT,
    "error_message" TEXT,
    "data" JSONB,

    CONSTRAINT "events_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "projection_queue" (
    "id" BIGSERIAL NOT NULL,
    "payload" JSON NOT NULL,
    "enqueued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "projection_queue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stat_buckets" (
    "process_id" TEXT NOT NULL,
    "minute" TIMESTAMPTZ(3) NOT NULL,
    "started" INTEGER NOT NULL DEFAULT 0,
    "completed" INTEGER NOT NULL DEFAULT 0,
    "completed_within_target" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "cancelled" INTEGER NOT NULL DEFAULT 0,
    "compensated" INTEGER NOT NULL DEFAULT 0,
    "retried" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "stat_buckets_pkey" PRIMARY KEY ("process_id","minute")
);

-- CreateTable
CREATE TABLE "backlog_deltas" (
    "process_id" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "minute" TIMESTAMPTZ(3) NOT NULL,
    "delta" INTEGER NOT NULL,

    CONSTRAINT "backlog_deltas_pkey" PRIMARY KEY ("process_id","state","minute")
);

-- CreateTable
CREATE TABLE "commands" (
    "id" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "source_id" TEXT NOT NULL,
    "process_id" TEXT NOT NULL,
    "case_id" TEXT,
    "type" "command_type" NOT NULL,
    "state" TEXT,
    "idempotency_key" TEXT,
    "params" JSONB NOT NULL DEFAULT '{}',
    "reason" TEXT NOT NULL,
    "requested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "requested_by" TEXT NOT NULL,
    "status" "command_status" NOT NULL DEFAULT 'requested',
    "delivered_at" TIMESTAMPTZ(3),
    "acknowledged_at" TIMESTAMPTZ(3),
    "ack_message" TEXT,

    CONSTRAINT "commands_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_type" TEXT NOT NULL,
    "actor_id" TEXT NOT NULL,
    "actor_label" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target_type" TEXT NOT NULL,
    "target_id" TEXT NOT NULL,
    "process_id" TEXT,
    "case_id" TEXT,
    "reason" TEXT,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "teams_name_key" ON "teams"("name");

-- CreateIndex
CREATE INDEX "memberships_user_id_idx" ON "memberships"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "sources_name_key" ON "sources"("name");

-- CreateIndex
CREATE INDEX "api_keys_source_id_idx" ON "api_keys"("source_id");

-- CreateIndex
CREATE UNIQUE INDEX "processes_key_key" ON "processes"("key");

-- CreateIndex
CREATE UNIQUE INDEX "process_versions_process_id_version_key" ON "process_versions"("process_id", "version");

-- CreateIndex
CREATE INDEX "cases_state_entered_at_id_idx" ON "cases"("state_entered_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "cases_process_id_state_entered_at_id_idx" ON "cases"("process_id", "state_entered_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "cases_process_id_state_state_entered_at_id_idx" ON "cases"("process_id", "state", "state_entered_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "cases_process_id_stuck_after_idx" ON "cases"("process_id", "stuck_after");

-- CreateIndex
CREATE INDEX "events_case_id_at_seq_idx" ON "events"("case_id", "at", "seq");

-- CreateIndex
CREATE INDEX "events_process_id_at_idx" ON "events"("process_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "events_source_id_external_id_key" ON "events"("source_id", "external_id");

-- CreateIndex
CREATE INDEX "backlog_deltas_process_id_minute_idx" ON "backlog_deltas"("process_id", "minute");

-- CreateIndex
CREATE UNIQUE INDEX "commands_request_id_key" ON "commands"("request_id");

-- CreateIndex
CREATE INDEX "commands_source_id_status_requested_at_idx" ON "commands"("source_id", "status", "requested_at");

-- CreateIndex
CREATE INDEX "commands_case_id_requested_at_idx" ON "commands"("case_id", "requested_at");

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at" DESC);

-- CreateIndex
CREATE INDEX "audit_log_actor_id_at_idx" ON "audit_log"("actor_id", "at" DESC);

-- CreateIndex
CREATE INDEX "audit_log_process_id_at_idx" ON "audit_log"("process_id", "at" DESC);

-- CreateIndex
CREATE INDEX "audit_log_case_id_at_idx" ON "audit_log"("case_id", "at" DESC);

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "processes" ADD CONSTRAINT "processes_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "process_versions" ADD CONSTRAINT "process_versions_process_id_fkey" FOREIGN KEY ("process_id") REFERENCES "processes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cases" ADD CONSTRAINT "cases_process_id_fkey" FOREIGN KEY ("process_id") REFERENCES "processes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cases" ADD CONSTRAINT "cases_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stat_buckets" ADD CONSTRAINT "stat_buckets_process_id_fkey" FOREIGN KEY ("process_id") REFERENCES "processes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "backlog_deltas" ADD CONSTRAINT "backlog_deltas_process_id_fkey" FOREIGN KEY ("process_id") REFERENCES "processes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "commands" ADD CONSTRAINT "commands_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "commands" ADD CONSTRAINT "commands_process_id_fkey" FOREIGN KEY ("process_id") REFERENCES "processes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "commands" ADD CONSTRAINT "commands_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Room on each page for HOT updates: most events change only unindexed columns of a case.
ALTER TABLE "cases" SET (fillfactor = 70);

-- Queue payloads are written once and read once: compressing them costs more CPU than it saves.
ALTER TABLE "projection_queue" ALTER COLUMN "payload" SET STORAGE EXTERNAL;
