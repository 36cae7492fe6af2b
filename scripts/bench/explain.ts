/**
 * `npm run bench:explain`: fills a throwaway PostgreSQL database with a million cases
 * and prints the plans of the case queries the stuck list and the API run, to check
 * that they are index scans (docs/benchmarks.md).
 */
import pg from "pg";
import { parseIntoClientConfig } from "pg-connection-string";
import { migratePostgres } from "@/lib/db";

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const CASES = Number(process.env.CASES ?? 1_000_000);
const name = `flowdeck_explain_${Date.now()}`;
const admin = new pg.Client(parseIntoClientConfig(ADMIN_URL) as pg.ClientConfig);
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(ADMIN_URL);
url.pathname = `/${name}`;
try {
  await migratePostgres(url.toString());
  const db = new pg.Client(parseIntoClientConfig(url.toString()) as pg.ClientConfig);
  await db.connect();
  console.log(`Filling ${CASES.toLocaleString("en")} cases over 5 processes (about 6% open, a tenth of those stuck) …`);
  await db.query(`INSERT INTO sources (id, name) VALUES ('s', 'explain')`);
  await db.query(`INSERT INTO processes (id, key, name, updated_at) SELECT 'p' || i, 'process-' || i, 'Process ' || i, now() FROM generate_series(1, 5) i`);
  await db.query(
    `INSERT INTO cases (id, process_id, source_id, version, status, state, state_entered_at, started_at, finished_at,
                        stuck_after, last_event_at, last_event_seq, event_count)
     SELECT 'c' || i, 'p' || (1 + i % 5), 's', '1.0.0',
            (CASE WHEN i % 16 = 0 THEN 'running' WHEN i % 16 = 1 THEN 'waiting' ELSE 'completed' END)::case_status,
            'state-' || (i % 7), t, t - interval '1 hour', CASE WHEN i % 16 > 1 THEN t END,
            CASE WHEN i % 16 <= 1 THEN t + CASE WHEN (i / 80) % 10 = 0 THEN interval '-1 day' ELSE interval '30 days' END END,
            t, i, 10
     FROM generate_series(1, $1) i, LATERAL (SELECT now() - (i % 43200) * interval '1 minute' AS t) x`,
    [CASES],
  );
  await db.query("ANALYZE");
  const queries: [string, string][] = [
    [
      "Stuck cases of process P: the keys the stuck list reads (lib/server/cases/list-cases.ts stuckPage)",
      `SELECT id, state_entered_at FROM cases WHERE process_id IN ('p3') AND stuck_after < now()`,
    ],
    [
      "Stuck cases of every process: the keys (the stuck list without a process filter)",
      `SELECT id, state_entered_at FROM cases WHERE process_id IN ('p1','p2','p3','p4','p5') AND stuck_after < now()`,
    ],
    [
      "Cases in state S of process P, newest state entry first",
      `SELECT id, state, state_entered_at FROM cases WHERE process_id IN ('p3') AND state = 'state-4'
       ORDER BY state_entered_at DESC, id DESC LIMIT 51`,
    ],
    ["Open cases of process P (count)", `SELECT count(*) FROM cases WHERE process_id = 'p3' AND stuck_after IS NOT NULL`],
    ["Stuck cases of process P (count)", `SELECT count(*) FROM cases WHERE process_id = 'p3' AND stuck_after < now()`],
  ];
  for (const [title, sql] of queries) {
    const plan = await db.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`);
    console.log(`\n### ${title}\n\n${sql.replace(/\s+/g, " ")}\n`);
    console.log(plan.rows.map((r) => r["QUERY PLAN"]).join("\n"));
  }
  await db.end();
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
