/**
 * `npm run build && npm run bench:slo`
 *
 * A throwaway PostgreSQL database with 1,000,000 cases over 28 days (10 processes) and
 * their statistics, 50 SLOs; then:
 * - one evaluation round of all SLOs (median of 5), against the target of 1 s;
 * - GET /api/v1/processes over HTTP from the production server, p95 of 100 requests,
 *   against the target of 100 ms;
 * - the same SLO numbers computed the naive way, scanning the cases table, and the
 *   ratio between the two;
 * - one round of all incident detectors (outage over the last minutes' step events,
 *   stuck counts, version regression 2.0.0 against 1.0.0, SLO burn), median of 5.
 */
import http from "node:http";
import os from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { parseIntoClientConfig } from "pg-connection-string";
import { connect, migratePostgres } from "@/lib/db";
import { CYCLE_TARGETS } from "@/lib/domain/case-stats";
import { DEFAULT_TIERS } from "@/lib/domain/slo";
import { evaluateAllSlos } from "@/lib/server/slos/evaluate-slos";
import { INCIDENT_TYPES } from "@/lib/domain/detectors";
import { detectIncidents } from "@/lib/server/incidents/apply-findings";
import { createSource } from "@/lib/server/sources/create-source";
import { hasBuild, startNext, waitForHealth } from "../lib/next-server";

const { values } = parseArgs({ options: { cases: { type: "string", default: "1000000" }, port: { type: "string", default: "3298" } } });
const CASES = Number(values.cases);
const PORT = Number(values.port);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const PROCESSES = 10;
const DAYS = 28;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = process.hrtime.bigint();
  const result = await fn();
  return [Number(process.hrtime.bigint() - start) / 1e6, result];
}

/** Cases with a realistic shape: cycle times from a minute to three days, 5% failed, 2% cancelled, a few forgotten. */
async function fill(db: pg.Client) {
  await db.query(`INSERT INTO sources (id, name) VALUES ('s', 'bench')`);
  await db.query(`INSERT INTO processes (id, key, name, updated_at) SELECT 'p' || i, 'process-' || i, 'Process ' || i, now() FROM generate_series(1, ${PROCESSES}) i`);
  // A case is open while its cycle has not ended yet, or (0.5%) because it was forgotten.
  await db.query(
    `INSERT INTO cases (id, process_id, source_id, version, status, state, state_entered_at, started_at, finished_at,
                        retries, compensations, stuck_after, open_started_at, last_event_at, last_event_seq, event_count)
     SELECT 'c' || i, 'p' || (1 + i % ${PROCESSES}), 's', CASE WHEN i % 3 = 0 THEN '2.0.0' ELSE '1.0.0' END,
            (CASE WHEN open THEN 'running' WHEN r < 0.05 THEN 'failed' WHEN r < 0.07 THEN 'cancelled' ELSE 'completed' END)::case_status,
            'state-' || (i % 5), least(now(), started + cycle / 2), started, CASE WHEN NOT open THEN started + cycle END,
            CASE WHEN r2 < 0.1 THEN 1 ELSE 0 END, CASE WHEN r >= 0.03 AND r < 0.05 THEN 1 ELSE 0 END,
            CASE WHEN open THEN least(now(), started + cycle / 2) + interval '2 hours' END, CASE WHEN open THEN started END,
            least(now(), started + cycle), i, 8
     FROM (
       SELECT i, r, r2, started, cycle, (started + cycle > now() OR r3 < 0.005) AS open
       FROM (
         SELECT i, random() AS r, random() AS r2, random() AS r3,
                now() - interval '${DAYS} days' + (i::float / ${CASES}) * interval '${DAYS} days' AS started,
                make_interval(secs => 60 + (random() ^ 3) * 3 * 86400) AS cycle
         FROM generate_series(1, ${CASES}) i
       ) g
     ) h`,
  );
  await db.query(`INSERT INTO process_counters (process_id, open) SELECT process_id, count(*) FROM cases WHERE stuck_after IS NOT NULL GROUP BY 1`);
  // The statistics the projector keeps, computed once from the cases (lib/domain/case-stats.ts rules).
  const within = CYCLE_TARGETS.map(([, s], i) => `count(*) FILTER (WHERE status = 'completed' AND finished_at - started_at <= make_interval(secs => ${s})) AS w${i}`).join(", ");
  const columns = CYCLE_TARGETS.map(([name]) => name.replace(/([a-z])([0-9])/, "$1_$2")).join(", ");
  for (const [table, unit, time] of [
    ["stat_buckets", "minute", "minute"],
    ["stat_buckets_hourly", "hour", "hour"],
  ] as const) {
    await db.query(
      `INSERT INTO ${table} (process_id, version, ${time}, finished, completed, failed, cancelled, retried, compensated, bad_outcome, ${columns})
       SELECT process_id, version, date_trunc('${unit}', finished_at), count(*), count(*) FILTER (WHERE status = 'completed'),
              count(*) FILTER (WHERE status IN ('failed', 'compensated')), count(*) FILTER (WHERE status = 'cancelled'),
              count(*) FILTER (WHERE retries > 0), count(*) FILTER (WHERE compensations > 0),
              count(*) FILTER (WHERE status IN ('failed', 'compensated') OR intervened), ${within}
       FROM cases WHERE finished_at IS NOT NULL GROUP BY 1, 2, 3`,
    );
  }
  await db.query(
    `INSERT INTO stuck_samples (process_id, minute, open, stuck)
     SELECT 'p' || p, m, 3000 + (random() * 500)::int, (random() * 80)::int
     FROM generate_series(1, ${PROCESSES}) p, generate_series(date_trunc('minute', now()) - interval '${DAYS} days', date_trunc('minute', now()) - interval '1 minute', interval '1 minute') m`,
  );
  await db.query(
    `INSERT INTO stuck_samples_hourly (process_id, hour, samples, open, stuck)
     SELECT process_id, date_trunc('hour', minute), count(*), sum(open), sum(stuck) FROM stuck_samples GROUP BY 1, 2`,
  );
  // 50 SLOs: five per process, one of each kind.
  const tiers = JSON.stringify(DEFAULT_TIERS);
  await db.query(
    `INSERT INTO slos (id, process_id, version, name, sli, target_sec, objective, window_days, tiers, updated_at)
     SELECT 'slo-' || p || '-' || k, 'p' || p, CASE WHEN k = 2 THEN '1.0.0' END, 'SLO ' || k,
            (ARRAY['cycle_time', 'failure_rate', 'cycle_time', 'retry_rate', 'stuck_ratio'])[k]::sli_type,
            CASE WHEN k IN (1, 3) THEN 86400 END, 0.95, CASE WHEN k = 4 THEN 7 ELSE 28 END, $1::jsonb, now()
     FROM generate_series(1, ${PROCESSES}) p, generate_series(1, 5) k`,
    [tiers],
  );
  // A live database's autovacuum has long marked the finished cases' pages all-visible
  // (they never change again), which index-only scans rely on; a fresh bulk load has not.
  await db.query("VACUUM ANALYZE");
}

/** The naive way: each SLO's window and burn windows counted straight from the cases table. */
async function naiveRound(db: pg.Client) {
  const slos = (await db.query<{ id: string; process_id: string; version: string | null; sli: string; target_sec: number | null; window_days: number }>(`SELECT id, process_id, version, sli::text, target_sec, window_days FROM slos`)).rows;
  for (const s of slos) {
    for (const seconds of [300, 1800, 3600, 7200, 21600, 86400, 259200, s.window_days * 86400]) {
      if (s.sli === "stuck_ratio") {
        await db.query(`SELECT sum(open), sum(stuck) FROM stuck_samples WHERE process_id = $1 AND minute >= now() - make_interval(secs => $2)`, [s.process_id, seconds]);
        continue;
      }
      await db.query(
        `SELECT count(*) AS total,
                count(*) FILTER (WHERE CASE $3::text
                  WHEN 'cycle_time' THEN NOT (status = 'completed' AND finished_at - started_at <= make_interval(secs => $4))
                  WHEN 'failure_rate' THEN status IN ('failed', 'compensated') OR intervened
                  WHEN 'retry_rate' THEN retries > 0
                  ELSE compensations > 0 END) AS bad
         FROM cases WHERE process_id = $1 AND ($2::text IS NULL OR version = $2) AND finished_at >= now() - make_interval(secs => $5)`,
        [s.process_id, s.version, s.sli, s.target_sec ?? 0, seconds],
      );
    }
  }
}

function get(path: string, token: string, agent: http.Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    http
      .get({ host: "127.0.0.1", port: PORT, path, agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
        res.resume();
        res.on("end", () => (res.statusCode === 200 ? resolve(Number(process.hrtime.bigint() - start) / 1e6) : reject(new Error(`HTTP ${res.statusCode}`))));
      })
      .on("error", reject);
  });
}

if (!hasBuild()) {
  console.error("bench: no production build; run `npm run build` first.");
  process.exit(1);
}
console.log(`Flowdeck SLO benchmark: ${CASES.toLocaleString("en")} cases over ${DAYS} days, ${PROCESSES} processes, 50 SLOs; ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}`);
const admin = new pg.Client(parseIntoClientConfig(ADMIN_URL) as pg.ClientConfig);
await admin.connect();
const name = `flowdeck_slobench_${Date.now()}`;
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(ADMIN_URL);
url.pathname = `/${name}`;
let server: ReturnType<typeof startNext> | undefined;
try {
  await migratePostgres(url.toString());
  const db = new pg.Client(parseIntoClientConfig(url.toString()) as pg.ClientConfig);
  await db.connect();
  const [fillMs] = await timed(() => fill(db));
  // What the detectors read besides cases: two versions per process (2.0.0 live for ten
  // days) and the last ten minutes of step events, 60,000 of them, a third failing on one provider.
  await db.query(
    `INSERT INTO process_versions (id, process_id, version, created_at)
     SELECT 'v' || i || '-' || v, 'p' || i, v, now() - (CASE WHEN v = '1.0.0' THEN interval '${DAYS} days' ELSE interval '10 days' END)
     FROM generate_series(1, ${PROCESSES}) i, (VALUES ('1.0.0'), ('2.0.0')) AS versions(v)`,
  );
  await db.query(
    `INSERT INTO events (source_id, external_id, case_id, process_id, type, at, state, provider, attempt)
     SELECT 's', 'e' || i, 'c' || (1 + i % ${CASES}), 'p' || (1 + i % ${PROCESSES}),
            CASE WHEN i % 2 = 0 THEN 'step.attempted' WHEN i % 3 = 0 THEN 'step.failed' ELSE 'step.succeeded' END,
            now() - (i::float / 60000) * interval '10 minutes', 'state-' || (i % 5), 'provider-' || (i % 4), 1
     FROM generate_series(1, 60000) i`,
  );
  console.log(`filled in ${(fillMs / 1000).toFixed(1)} s`);

  const conn = await connect({ DATABASE_URL: url.toString(), FLOWDECK_DATA_DIR: ".flowdeck" });
  const ctx = { actor: { type: "system" as const, name: "bench" }, db: conn.prisma };
  const rounds: number[] = [];
  for (let i = 0; i < 5; i++) rounds.push((await timed(() => evaluateAllSlos(ctx, new Date(Date.now() + i * 60_000))))[0]);
  const detections: number[] = [];
  for (let i = 0; i < 5; i++) detections.push((await timed(() => detectIncidents(ctx, new Date(Date.now() + i * 10_000))))[0]);
  // Each detector alone (its incidents are open by now, so a round refreshes them), median of 3.
  const perDetector: string[] = [];
  for (const type of INCIDENT_TYPES) {
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) runs.push((await timed(() => detectIncidents(ctx, new Date(Date.now() + 60_000 + i * 10_000), [type])))[0]);
    perDetector.push(`${type} ${median(runs).toFixed(0)} ms`);
  }
  const naive: number[] = [];
  for (let i = 0; i < 3; i++) naive.push((await timed(() => naiveRound(db)))[0]);
  const { apiKey } = await createSource(ctx, { name: "bench-reader", scopes: ["read"] });
  await conn.close();

  server = startNext(PORT, { ...process.env, DATABASE_URL: url.toString(), FLOWDECK_WORKER: "off", AUTH_SECRET: "bench-secret-0123456789", NODE_ENV: "production" });
  await waitForHealth(`http://127.0.0.1:${PORT}`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  for (let i = 0; i < 5; i++) await get("/api/v1/processes", apiKey, agent); // warm-up
  const latencies: number[] = [];
  for (let i = 0; i < 100; i++) latencies.push(await get("/api/v1/processes", apiKey, agent));
  agent.destroy();
  await db.end();

  const round = median(rounds);
  console.log(`\nevaluation round of all 50 SLOs: ${round.toFixed(0)} ms (median of 5: ${rounds.map((r) => r.toFixed(0)).join(", ")})   (target < 1000 ms)`);
  console.log(`the same numbers scanning the cases table: ${median(naive).toFixed(0)} ms (median of 3)   ratio naive / Flowdeck: ${(median(naive) / round).toFixed(1)}×`);
  console.log(`one round of all incident detectors: ${median(detections).toFixed(0)} ms (median of 5: ${detections.map((r) => r.toFixed(0)).join(", ")})`);
  console.log(`  each detector alone: ${perDetector.join(" · ")}`);
  console.log(`GET /api/v1/processes: p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p95 ${percentile(latencies, 0.95).toFixed(1)} ms over 100 requests   (target p95 < 100 ms)`);
} finally {
  server?.kill("SIGTERM");
  if (server) await new Promise((r) => server!.once("exit", r));
  if (process.env.KEEP) console.log("kept", url.toString()); else await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
