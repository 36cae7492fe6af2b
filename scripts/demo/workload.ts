/**
 * The demo's engine (`npm run demo` starts it beside the server). It speaks only the
 * public API: on its first run it backfills 14 days of history, then it drives cases
 * live. Deterministic for a seed: `--seed 7`.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { seededRandom as random } from "@/lib/domain/seeded-random";
import { MODELS } from "./model";
import { Simulator } from "./simulator";
import { needsStepLookup, react } from "./commands";
import { CaseHistories } from "./history";
import { EventSender } from "./sender";

const { values } = parseArgs({
  options: {
    url: { type: "string" },
    key: { type: "string" },
    "data-dir": { type: "string" },
    seed: { type: "string", default: "1" },
    "backfill-days": { type: "string", default: "14" },
  },
});
const url = values.url ?? process.env.FLOWDECK_URL ?? "http://localhost:3000";
const apiKey = values.key ?? process.env.FLOWDECK_API_KEY;
if (!apiKey) {
  console.error("workload: an API key is required (--key or FLOWDECK_API_KEY).");
  process.exit(2);
}
const stateFile = path.join(values["data-dir"] ?? ".flowdeck", "demo-workload.json");
type State = { backfilledAt: string; nextCaseNo: number };
const saved: State | null = fs.existsSync(stateFile) ? (JSON.parse(fs.readFileSync(stateFile, "utf8")) as State) : null;

const now = Date.now();
const seed = Number(values.seed) + (saved ? saved.nextCaseNo : 0);
const days = Number(values["backfill-days"]);
const runId = Date.now().toString(36);
const sim = new Simulator(random(seed), MODELS, saved ? now : now - days * 86_400_000, saved?.nextCaseNo ?? 0, runId);
const sender = new EventSender(url, apiKey);
const save = () => fs.writeFileSync(stateFile, JSON.stringify({ backfilledAt: saved?.backfilledAt ?? new Date(now).toISOString(), nextCaseNo: sim.nextCaseNo }));

if (!saved) {
  console.log(`workload: backfilling ${days} days of history …`);
  let sent = 0;
  // A day at a time, so memory stays small and progress shows; each case's history whole.
  const histories = new CaseHistories();
  for (let t = now - days * 86_400_000; t < now; t = Math.min(now, t + 86_400_000)) {
    const events = histories.add(sim.advance(Math.min(now, t + 86_400_000)));
    await sender.send(events);
    sent += events.length;
    save();
  }
  const open = histories.rest();
  await sender.send(open);
  sent += open.length;
  save();
  console.log(`workload: backfilled ${sent.toLocaleString("en")} events; ${sim.inFlight} cases in flight. Now live.`);
} else {
  console.log(`workload: history was backfilled at ${saved.backfilledAt}; continuing live.`);
}

sim.live = true;
let stopping = false;
process.on("SIGTERM", () => (stopping = true));
process.on("SIGINT", () => (stopping = true));
while (!stopping) {
  // Commands first: their events then go out in the same second.
  for (const command of await sender.pullCommands()) {
    if (needsStepLookup(sim, command)) {
      const step = await sender.lastStep(command.caseId);
      if (step) sim.rememberStep(command.caseId, step);
    }
    const again = sim.answered.has(command.id);
    const ack = react(sim, command, Date.now());
    await sender.ack(command.id, ack);
    const what = `${command.type} ${command.caseId ?? command.state ?? ""}${again ? " (delivered again)" : ""}`;
    console.log(`workload: ${what} → ${ack.status}${ack.message ? ` (${ack.message})` : ""}`);
  }
  const events = sim.advance(Date.now());
  if (events.length > 0) {
    await sender.send(events);
    save();
  }
  await new Promise((r) => setTimeout(r, 1000));
}
