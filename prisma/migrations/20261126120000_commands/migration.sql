-- CreateEnum
CREATE TYPE "bulk_status" AS ENUM ('awaiting_approval', 'queued', 'running', 'done', 'rejected');

-- CreateEnum
CREATE TYPE "bulk_item_status" AS ENUM ('pending', 'created', 'skipped');

-- AlterTable
ALTER TABLE "cases" ADD COLUMN     "last_step_state" TEXT;

-- AlterTable
ALTER TABLE "commands" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "bulk_action_id" TEXT,
ADD COLUMN     "dead_at" TIMESTAMPTZ(3),
ADD COLUMN     "delivery_since" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "last_error" TEXT,
ADD COLUMN     "lease_until" TIMESTAMPTZ(3),
ADD COLUMN     "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "requested_by_id" TEXT;

-- CreateTable
CREATE TABLE "process_pauses" (
    "process_id" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "paused_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "paused_by" TEXT NOT NULL,
    "reason" TEXT NOT NULL,

    CONSTRAINT "process_pauses_pkey" PRIMARY KEY ("process_id","state")
);

-- CreateTable
CREATE TABLE "bulk_actions" (
    "id" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "type" "command_type" NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "reason" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "status" "bulk_status" NOT NULL,
    "requested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "requested_by" TEXT NOT NULL,
    "requested_by_id" TEXT NOT NULL,
    "decided_at" TIMESTAMPTZ(3),
    "decided_by" TEXT,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "bulk_actions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bulk_action_items" (
    "bulk_action_id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "status" "bulk_item_status" NOT NULL DEFAULT 'pending',
    "command_id" TEXT,
    "message" TEXT,

    CONSTRAINT "bulk_action_items_pkey" PRIMARY KEY ("bulk_action_id","case_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "bulk_actions_request_id_key" ON "bulk_actions"("request_id");

-- CreateIndex
CREATE INDEX "bulk_actions_status_requested_at_idx" ON "bulk_actions"("status", "requested_at");

-- CreateIndex
CREATE INDEX "bulk_action_items_bulk_action_id_status_idx" ON "bulk_action_items"("bulk_action_id", "status");

-- CreateIndex
CREATE INDEX "commands_status_next_attempt_at_idx" ON "commands"("status", "next_attempt_at");

-- AddForeignKey
ALTER TABLE "commands" ADD CONSTRAINT "commands_bulk_action_id_fkey" FOREIGN KEY ("bulk_action_id") REFERENCES "bulk_actions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "process_pauses" ADD CONSTRAINT "process_pauses_process_id_fkey" FOREIGN KEY ("process_id") REFERENCES "processes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bulk_action_items" ADD CONSTRAINT "bulk_action_items_bulk_action_id_fkey" FOREIGN KEY ("bulk_action_id") REFERENCES "bulk_actions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

