import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Keep PGlite's WASM and the database drivers out of the bundle (STACK.md).
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/adapter-pg", "pg"],
  poweredByHeader: false,
  // forbidden() answers a page with 403 and app/forbidden.tsx.
  experimental: { authInterrupts: true },
};

export default nextConfig;
