-- CreateIndex
CREATE INDEX "commands_status_requested_at_idx" ON "commands"("status", "requested_at");

-- CreateIndex
CREATE INDEX "commands_acknowledged_at_idx" ON "commands"("acknowledged_at");

