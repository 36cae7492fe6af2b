import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname);
const postgres = Boolean(process.env.TEST_DATABASE_URL);
if (!postgres && process.argv.some((a) => a.includes("postgres"))) {
  console.warn("\n[notice] TEST_DATABASE_URL is unset: the PostgreSQL integration tests are skipped (CI sets it).\n");
}

const integration = ["tests/integration/**/*.test.ts"];

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // `server-only` throws outside React Server Components; tests run lib/server directly.
      "server-only": path.join(root, "tests/support/empty.ts"),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["lib/**/*.test.ts", "worker/**/*.test.ts", "scripts/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "pglite",
          include: integration,
          setupFiles: ["tests/support/fast-passwords.ts", "tests/support/setup-pglite.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(postgres
        ? [
            {
              extends: true as const,
              test: {
                name: "postgres",
                include: integration,
                globalSetup: ["tests/support/global-postgres.ts"],
                setupFiles: ["tests/support/fast-passwords.ts", "tests/support/setup-postgres.ts"],
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
    ],
  },
});
