import pg from "pg";
import { parseIntoClientConfig } from "pg-connection-string";

/** A URL naming another database on the same server as `url`. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Runs one statement on the server's maintenance connection (CREATE/DROP DATABASE). */
export async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client(parseIntoClientConfig(url) as pg.ClientConfig);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
