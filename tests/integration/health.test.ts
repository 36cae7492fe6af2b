import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/health/route";
import { closeConnection, getDb, sqlOf } from "@/lib/db";
import packageJson from "@/package.json" with { type: "json" };

const kind = process.env.DATABASE_URL ? "postgresql" : "pglite";

async function health() {
  const response = await GET();
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/**
 * Holds an exclusive lock on the table the check reads, as a long migration would, until
 * `release` is called. On PGlite the open transaction alone stops every other query.
 */
async function holdProjectionQueue() {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const done = sqlOf(await getDb()).transaction(async (query) => {
    await query("LOCK TABLE projection_queue IN ACCESS EXCLUSIVE MODE");
    locked();
    await released;
  });
  await isLocked;
  return async () => {
    release();
    await done;
  };
}

describe("GET /api/health", () => {
  // Opening (and migrating) the database may itself take longer than the check waits.
  beforeAll(async () => {
    await getDb();
  });
  afterEach(() => vi.restoreAllMocks());

  it("answers 200 ok with the database kind, the version and the projection backlog", async () => {
    expect(await health()).toEqual({
      status: 200,
      body: { status: "ok", db: kind, version: packageJson.version, projectionBacklog: 0 },
    });
  });

  it("answers 503 degraded when the database does not answer within two seconds, and ok again once it does", async () => {
    const release = await holdProjectionQueue();
    try {
      const started = Date.now();
      expect(await health()).toEqual({
        status: 503,
        body: { status: "degraded", db: kind, version: packageJson.version, projectionBacklog: null },
      });
      expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    } finally {
      await release();
    }
    expect((await health()).status).toBe(200);
  });

  it.skipIf(!process.env.DATABASE_URL)("answers 503 degraded when PostgreSQL refuses connections", async () => {
    const url = process.env.DATABASE_URL!;
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    await closeConnection();
    process.env.DATABASE_URL = "postgresql://postgres@127.0.0.1:1/flowdeck"; // nothing listens on port 1
    try {
      expect(await health()).toMatchObject({ status: 503, body: { status: "degraded", db: "postgresql", projectionBacklog: null } });
      expect(logged).toHaveBeenCalledWith("Health check: the database does not answer", expect.anything());
    } finally {
      await closeConnection();
      process.env.DATABASE_URL = url;
    }
    expect((await health()).status).toBe(200);
  });
});
