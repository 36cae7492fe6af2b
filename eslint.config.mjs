import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The architecture as lint rules (CONVENTIONS.md): Prisma lives in lib/server and lib/db.ts.
const prismaOutsideServer = {
  group: ["@/lib/db", "@/lib/generated/*", "@prisma/*", "pg"],
  message: "Database access belongs in lib/server (CONVENTIONS.md, 'Routes adapt, lib/server decides').",
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", "lib/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**", ".flowdeck/**"],
  },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "@typescript-eslint/ban-ts-comment": "error",
    },
  },
  {
    files: ["app/**", "components/**", "lib/domain/**", "lib/validation/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [prismaOutsideServer] }] },
  },
];

export default config;
