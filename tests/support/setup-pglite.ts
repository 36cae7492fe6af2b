import { afterAll } from "vitest";
import { closeConnection } from "@/lib/db";

// Each test file gets its own in-memory embedded database, migrated on first use.
delete process.env.DATABASE_URL;
process.env.FLOWDECK_DATA_DIR = "memory://";

afterAll(async () => {
  await closeConnection();
});
