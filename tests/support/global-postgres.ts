import type { TestProject } from "vitest/node";
import { migratePostgres } from "@/lib/db";
import { admin, withDatabase } from "./pg-admin";

/**
 * Builds one migrated template database per run; each test file then gets a copy
 * (CREATE DATABASE ... TEMPLATE is a fast file copy), so files run in parallel.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL!;
  const template = `flowdeck_tpl_${process.pid}`;
  await admin(url, `DROP DATABASE IF EXISTS ${template}`);
  await admin(url, `CREATE DATABASE ${template}`);
  await migratePostgres(withDatabase(url, template));
  project.provide("pgTemplate", template);
  return async () => {
    await admin(url, `DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    pgTemplate: string;
  }
}
