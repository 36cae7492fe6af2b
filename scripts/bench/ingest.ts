/**
 * `npm run bench:ingest [-- --events 300000 --runs 3 --db postgresql|pglite|both]`
 *
 * Starts the production server on a fresh database, sends N realistic events over
 * HTTP (batches of 500, 4 concurrent clients), then inserts the same rows raw
 * (multi-row INSERT, same batch size; 4 concurrent connections on PostgreSQL, one on
 * PGlite) into the same database, and prints both rates, their ratio and the server's
 * peak RSS.
 *
 * `--url <base>` measures an already running server instead (API key with the ingest
 * scope in BENCH_API_KEY or --key): the API and end-to-end rates only.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { parseIntoClientConfig } from "pg-connection-string";
import { connect, migratePostgres } from "@/lib/db";
import { openPglite } from "@/lib/db-driver";
import { createSource } from "@/lib/server/sources/create-source";
import type { TEvent } from "@/lib/validation/event";
import { hasBuild, startNext, waitForHealth } from "../lib/next-server";
import { generateEvents } from "./workload";

const USAGE = `Usage: npm run bench:ingest -- [options]

  --events <n>     events per run (default 300000)
  --runs <n>       runs per database (default 3)
  --batch <n>      events per request (default 500)
  --clients <n>    concurrent HTTP clients (default 4)
  --db <which>     postgresql, pglite or both (default both)
  --port <n>       port of the server it starts (default 3299)
  --url <base>     measure the Flowdeck server already running at <base> instead of
                   starting one (e.g. http://127.0.0.1:3000); --db and --port then do
                   not apply, and only the API and end-to-end rates are measured
  --key <api key>  an API key with the ingest scope, for --url (default: $BENCH_API_KEY)
  --help           this text

Against a running server it creates the process bench-loans and cases named
bench-<run>-…, with timestamps of the last 24 hours: use a server you may fill.`;

function options() {
  try {
    return parseArgs({
      options: {
        events: { type: "string", default: "300000" },
        runs: { type: "string", default: "3" },
        db: { type: "string", default: "both" },
        batch: { type: "string", default: "500" },
        clients: { type: "string", default: "4" },
        port: { type: "string", default: "3299" },
        url: { type: "string" },
        key: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }).values;
  } catch (error) {
    console.error(`bench: ${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
}

const values = options();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const N = Number(values.events);
const BATCH = Number(values.batch);
const CLIENTS = Number(values.clients);
const PORT = Number(values.port);
const TSX = path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");
const LOCAL = new URL(`http://127.0.0.1:${PORT}/`);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/** The server's base URL with a trailing slash, so paths resolve below it. */
function baseUrl(value: string): URL {
  const url = new URL(value.endsWith("/") ? value : `${value}/`);
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`--url must be http(s), not ${url.protocol}`);
  return url;
}

type Result = {
  db: string;
  apiRate: number;
  rawRate: number;
  peakRssMiB: number;
  seconds: { api: number; projected: number; raw: number };
};

/** Seconds from `since` until the projector has caught up (health reports no backlog). */
async function waitForProjection(base: URL, since: bigint): Promise<number> {
  for (;;) {
    const health = (await (await fetch(new URL("api/health", base))).json()) as { projectionBacklog: number };
    if (health.projectionBacklog === 0) return Number(process.hrtime.bigint() - since) / 1e9;
    await new Promise((r) => setTimeout(r, 100));
  }
}

function batches<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Runs `work` over the items with `clients` concurrent workers; returns seconds. */
async function timed<T>(all: T[], clients: number, work: (item: T) => Promise<void>): Promise<number> {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < all.length) await work(all[next++]!);
    }),
  );
  return Number(process.hrtime.bigint() - started) / 1e9;
}

function peakRssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** A keep-alive POST with node:http(s): a lighter client than fetch, as the CPU is shared. */
function post(agent: http.Agent, url: URL, token: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = (url.protocol === "https:" ? https : http).request(
      url,
      {
        method: "POST",
        agent,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** Sends the events; returns the seconds the API took and the seconds until all were projected. */
async function sendOverHttp(base: URL, events: TEvent[], token: string): Promise<{ api: number; projected: number }> {
  // Bodies are serialised before the clock starts: the load generator shares the CPU.
  const bodies = batches(events, BATCH).map((batch) => ({ size: batch.length, body: JSON.stringify({ events: batch }) }));
  const started = process.hrtime.bigint();
  const agent = new (base.protocol === "https:" ? https.Agent : http.Agent)({ keepAlive: true, maxSockets: CLIENTS });
  const ingestUrl = new URL("api/v1/events", base);
  const api = await timed(bodies, CLIENTS, async ({ size, body }) => {
    const { status, text } = await post(agent, ingestUrl, token, body);
    if (status !== 202) throw new Error(`ingest answered ${status}: ${text}`);
    const answer = JSON.parse(text) as { accepted: number };
    if (answer.accepted !== size) throw new Error(`accepted ${answer.accepted} of ${size}`);
  });
  agent.destroy();
  return { api, projected: await waitForProjection(base, started) };
}

const COLUMNS = [
  "source_id", "external_id", "case_id", "process_id", "type", "at", "process_version", "state",
  "provider", "attempt", "idempotency_key", "error_code", "error_message", "data",
];

/** The same rows as the API stores, as one multi-row INSERT per batch. */
function rawInsert(batch: TEvent[], sourceId: string, processId: string): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const rows = batch.map((e) => {
    const values = [
      sourceId, `raw-${e.id}`, `raw-${e.caseId}`, processId, e.type, e.at, e.processVersion ?? null, e.state ?? null,
      e.provider ?? null, e.attempt ?? null, e.idempotencyKey ?? null, e.error?.code ?? null, e.error?.message ?? null,
      e.data ? JSON.stringify(e.data) : null,
    ];
    const placeholders = values.map((v) => {
      params.push(v);
      return `$${params.length}`;
    });
    return `(${placeholders.join(", ")})`;
  });
  return { sql: `INSERT INTO events (${COLUMNS.join(", ")}) VALUES ${rows.join(", ")}`, params };
}

async function processIdOf(query: (sql: string) => Promise<{ id: string }[]>): Promise<string> {
  const [row] = await query(`SELECT id FROM processes WHERE key = 'bench-loans'`);
  if (!row) throw new Error("the API run did not create the bench process");
  return row.id;
}

async function benchPostgres(events: TEvent[]): Promise<Result> {
  const admin = new pg.Client(parseIntoClientConfig(ADMIN_URL) as pg.ClientConfig);
  await admin.connect();
  const name = `flowdeck_bench_${Date.now()}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const dbUrl = url.toString();
  let server: ReturnType<typeof startNext> | undefined;
  let worker: ChildProcess | undefined;
  try {
    await migratePostgres(dbUrl);
    const conn = await connect({ ...envFor(dbUrl) });
    const created = await createSource({ actor: { type: "system", name: "bench" }, db: conn.prisma }, { name: "bench", scopes: ["ingest"] });
    await conn.close();

    // The PostgreSQL topology RUNNING.md describes: the server without its worker, and
    // `npm run worker` beside it (Node runs JavaScript on one core per process).
    const env = { ...process.env, DATABASE_URL: dbUrl, FLOWDECK_WORKER: "off", AUTH_SECRET: "bench-secret-0123456789", NODE_ENV: "production" as const };
    server = startNext(PORT, env);
    worker = spawn(process.execPath, [TSX, "--conditions=react-server", "worker/main.ts"], { stdio: "inherit", env });
    await waitForHealth(`http://127.0.0.1:${PORT}`);
    const { api, projected } = await sendOverHttp(LOCAL, events, created.apiKey);
    const rss = peakRssMiB(server.pid!);

    const pool = new pg.Pool({ ...(parseIntoClientConfig(dbUrl) as pg.PoolConfig), max: CLIENTS });
    const processId = await processIdOf(async (sql) => (await pool.query<{ id: string }>(sql)).rows);
    const statements = batches(events, BATCH).map((batch) => rawInsert(batch, created.source.id, processId));
    const raw = await timed(statements, CLIENTS, async ({ sql, params }) => {
      await pool.query(sql, params);
    });
    await pool.end();
    return { db: "postgresql", apiRate: events.length / api, rawRate: events.length / raw, peakRssMiB: rss, seconds: { api, projected, raw } };
  } finally {
    worker?.kill("SIGTERM");
    server?.kill("SIGTERM");
    if (server) await new Promise((r) => server!.once("exit", r));
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

function envFor(databaseUrl: string | undefined, dataDir = "./.flowdeck") {
  return {
    DATABASE_URL: databaseUrl,
    FLOWDECK_DATA_DIR: dataDir,
    PORT,
    FLOWDECK_WORKER: "off" as const,
    NODE_ENV: "production" as const,
    AUTH_SECRET: undefined,
    FLOWDECK_METRICS_TOKEN: undefined,
  };
}

async function benchPglite(events: TEvent[]): Promise<Result> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "flowdeck-bench-"));
  try {
    const conn = await connect(envFor(undefined, dir));
    const created = await createSource({ actor: { type: "system", name: "bench" }, db: conn.prisma }, { name: "bench", scopes: ["ingest"] });
    await conn.close();

    const server = startNext(PORT, { ...process.env, DATABASE_URL: "", FLOWDECK_DATA_DIR: dir, FLOWDECK_WORKER: "on", AUTH_SECRET: "bench-secret-0123456789", NODE_ENV: "production" });
    await waitForHealth(`http://127.0.0.1:${PORT}`);
    const { api, projected } = await sendOverHttp(LOCAL, events, created.apiKey);
    const rss = peakRssMiB(server.pid!);
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));

    // PGlite is one connection: the raw baseline runs the same batches through it in turn.
    const pglite = await openPglite(dir);
    const processId = await processIdOf(async (sql) => (await pglite.query<{ id: string }>(sql)).rows);
    const statements = batches(events, BATCH).map((batch) => rawInsert(batch, created.source.id, processId));
    const raw = await timed(statements, 1, async ({ sql, params }) => {
      await pglite.query(sql, params);
    });
    await pglite.close();
    return { db: "pglite", apiRate: events.length / api, rawRate: events.length / raw, peakRssMiB: rss, seconds: { api, projected, raw } };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function report(r: Result) {
  const target = r.db === "postgresql" ? "target >= 10,000 events/s and ratio >= 0.4" : "target >= 2,000 events/s";
  const rawHow = r.db === "postgresql" ? `same batches, ${CLIENTS} connections` : "same batches, one at a time: PGlite is one connection";
  console.log(`\n${r.db}`);
  console.log(`  API (HTTP, ${CLIENTS} clients, batches of ${BATCH}): ${Math.round(r.apiRate).toLocaleString("en")} events/s (${r.seconds.api.toFixed(1)} s)`);
  console.log(`  all cases projected ${r.seconds.projected.toFixed(1)} s after the first request: ${Math.round(N / r.seconds.projected).toLocaleString("en")} events/s end to end`);
  console.log(`  raw multi-row INSERT (${rawHow}): ${Math.round(r.rawRate).toLocaleString("en")} events/s (${r.seconds.raw.toFixed(1)} s)`);
  console.log(`  ratio API / raw: ${(r.apiRate / r.rawRate).toFixed(2)}   (${target})`);
  console.log(`  server peak RSS: ${Math.round(r.peakRssMiB)} MiB   (target < 1024 MiB)`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function header() {
  console.log(`Flowdeck ingest benchmark: ${N.toLocaleString("en")} events, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
}

/** Against a server someone else runs: new case ids per run, no database access, so no raw baseline. */
async function benchRunningServer(base: URL, token: string) {
  await waitForHealth(base.href.replace(/\/$/, ""), 10_000);
  header();
  console.log(`Target: the running server at ${base.href}`);
  const runs: number[] = [];
  const tag = Date.now().toString(36);
  for (let run = 1; run <= Number(values.runs); run++) {
    const events = generateEvents(N, 42, `bench-${tag}-${run}`);
    const { api, projected } = await sendOverHttp(base, events, token);
    runs.push(N / api);
    console.log(`\nrun ${run}`);
    console.log(`  API (HTTP, ${CLIENTS} clients, batches of ${BATCH}): ${Math.round(N / api).toLocaleString("en")} events/s (${api.toFixed(1)} s)`);
    console.log(`  all cases projected ${projected.toFixed(1)} s after the first request: ${Math.round(N / projected).toLocaleString("en")} events/s end to end`);
  }
  console.log(`\nmedian of ${runs.length} runs: ${Math.round(median(runs)).toLocaleString("en")} events/s`);
  console.log("The raw INSERT baseline, the ratio and the server's peak RSS need the server this benchmark starts (run it without --url).");
}

async function benchOwnServers() {
  if (!hasBuild()) throw new Error("no production build; run `npm run build` first.");
  const events = generateEvents(N, 42);
  header();
  const results: Result[] = [];
  for (let run = 1; run <= Number(values.runs); run++) {
    if (values.db === "postgresql" || values.db === "both") results.push(await benchPostgres(events));
    if (values.db === "pglite" || values.db === "both") results.push(await benchPglite(events));
  }
  results.forEach(report);

  // The machine is shared and runs vary by ±10%: the median run is the figure.
  for (const db of ["postgresql", "pglite"]) {
    const ratios = results.filter((r) => r.db === db).map((r) => r.apiRate / r.rawRate);
    const rates = results.filter((r) => r.db === db).map((r) => r.apiRate);
    if (ratios.length === 0) continue;
    console.log(`\n${db}: median of ${ratios.length} runs: ${Math.round(median(rates)).toLocaleString("en")} events/s, ratio ${median(ratios).toFixed(2)}`);
  }
}

try {
  if (values.url) {
    const token = values.key ?? process.env.BENCH_API_KEY;
    if (!token) throw new Error("--url needs an API key with the ingest scope: --key <key> or BENCH_API_KEY.");
    await benchRunningServer(baseUrl(values.url), token);
  } else {
    await benchOwnServers();
  }
} catch (error) {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
