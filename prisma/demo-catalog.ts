import type { Role } from "@/lib/auth/roles";
import type { StateGraph } from "@/lib/domain/state-graph";

/** The demo's users (RUNNING.md "Demo sign-in"). */
export const DEMO_PASSWORD = "flowdeck-demo";

export const DEMO_USERS: { email: string; name: string; role: Role; team?: string }[] = [
  { email: "admin@flowdeck.local", name: "Ada Admin", role: "admin" },
  { email: "ops@flowdeck.local", name: "Olivia Ops", role: "ops_leader" },
  { email: "owner@flowdeck.local", name: "Omar Owner", role: "process_owner", team: "Lending" },
  { email: "oncall@flowdeck.local", name: "Chen Oncall", role: "on_call", team: "Lending" },
  { email: "manager@flowdeck.local", name: "Maya Manager", role: "manager" },
  // The rest of the rotations (beyond RUNNING.md's five, same password).
  { email: "ana@flowdeck.local", name: "Ana Lopez", role: "on_call", team: "Lending" },
  { email: "ben@flowdeck.local", name: "Ben Okafor", role: "on_call", team: "Fulfilment" },
  { email: "dev@flowdeck.local", name: "Dev Patel", role: "on_call", team: "Fulfilment" },
  { email: "fiona@flowdeck.local", name: "Fiona Brandt", role: "process_owner", team: "Fulfilment" },
];

/** Who owns each demo process, and the teams' managers (PRODUCT.md "Ownership and on-call"). */
export const DEMO_OWNERS: Record<string, string> = {
  "loan-approval": "owner@flowdeck.local",
  "order-fulfilment": "fiona@flowdeck.local",
};
export const DEMO_MANAGER = "manager@flowdeck.local";

/**
 * Loans are few (a bureau-a outage fails a handful of checks a minute at most), so the
 * loans' owner lets the outage detector fire at 4 failures (half of the attempts) over
 * 10 minutes, instead of the defaults (20 in 5 minutes) meant for busy processes.
 */
export const DEMO_DETECTORS: Record<string, { outageMinFailures?: number; outageWindowMinutes?: number; stuckThreshold?: number }> = {
  "loan-approval": { outageMinFailures: 4, outageWindowMinutes: 10 },
};

/** Each team's schedule: a primary and a secondary layer rotating through its on-call engineers. */
export const DEMO_SCHEDULES: {
  team: string;
  name: string;
  timeZone: string;
  rotationEvery: number;
  rotationUnit: "hours" | "days" | "weeks";
  handoffTime: string;
  primary: string[];
  secondary: string[];
}[] = [
  { team: "Lending", name: "Lending on call", timeZone: "Europe/Berlin", rotationEvery: 1, rotationUnit: "weeks", handoffTime: "09:00", primary: ["oncall@flowdeck.local", "ana@flowdeck.local"], secondary: ["ana@flowdeck.local", "oncall@flowdeck.local"] },
  { team: "Fulfilment", name: "Fulfilment on call", timeZone: "America/New_York", rotationEvery: 1, rotationUnit: "days", handoffTime: "08:00", primary: ["ben@flowdeck.local", "dev@flowdeck.local"], secondary: ["dev@flowdeck.local", "ben@flowdeck.local"] },
];

export const DEMO_TEAMS = ["Lending", "Fulfilment"];

const MIN = 60;
const HOUR = 3600;

export type DemoProcess = {
  key: string;
  name: string;
  team: string;
  version: string;
  graph: StateGraph;
  defaultStuckThresholdSec: number;
  stuckThresholds: Record<string, number>;
};

export const DEMO_PROCESSES: DemoProcess[] = [
  {
    key: "loan-approval",
    name: "Loan approval",
    team: "Lending",
    version: "1.4.0",
    graph: {
      initial: "intake",
      states: [
        { name: "intake", kind: "task" },
        { name: "credit-check", kind: "task", providers: ["bureau-a", "bureau-b"] },
        { name: "manual-review", kind: "human" },
        { name: "disbursement", kind: "task", providers: ["payments-x"] },
        { name: "done", kind: "terminal" },
      ],
      transitions: [
        { from: "intake", to: "credit-check" },
        { from: "credit-check", to: "manual-review" },
        { from: "manual-review", to: "disbursement" },
        { from: "disbursement", to: "done" },
      ],
    },
    defaultStuckThresholdSec: 2 * HOUR,
    stuckThresholds: { intake: 30 * MIN, "credit-check": 15 * MIN, "manual-review": 4 * HOUR, disbursement: 30 * MIN },
  },
  {
    key: "order-fulfilment",
    name: "Order fulfilment",
    team: "Fulfilment",
    version: "2.1.0",
    graph: {
      initial: "payment",
      states: [
        { name: "payment", kind: "task", providers: ["stripe-like", "adyen-like"] },
        { name: "pick", kind: "human" },
        { name: "pack", kind: "human" },
        { name: "ship", kind: "task", providers: ["carrier-a", "carrier-b"] },
        { name: "delivered", kind: "terminal" },
      ],
      transitions: [
        { from: "payment", to: "pick" },
        { from: "pick", to: "pack" },
        { from: "pack", to: "ship" },
        { from: "ship", to: "delivered" },
      ],
    },
    defaultStuckThresholdSec: 2 * HOUR,
    stuckThresholds: { payment: 10 * MIN, pick: 2 * HOUR, pack: 1 * HOUR, ship: 6 * HOUR },
  },
];

/** The demo's SLOs, as each process's owner would define them. */
export const DEMO_SLOS: {
  process: string;
  name: string;
  sli: "cycle_time" | "stuck_ratio" | "failure_rate" | "retry_rate" | "compensation_rate";
  targetSec?: number;
  objective: number;
  windowDays: 7 | 28 | 30;
}[] = [
  { process: "loan-approval", name: "Loans decided within a day", sli: "cycle_time", targetSec: 24 * HOUR, objective: 80, windowDays: 30 },
  { process: "loan-approval", name: "Loans not stuck", sli: "stuck_ratio", objective: 98, windowDays: 30 },
  { process: "loan-approval", name: "Loans succeed untouched", sli: "failure_rate", objective: 88, windowDays: 30 },
  { process: "order-fulfilment", name: "Orders delivered within 4 h", sli: "cycle_time", targetSec: 4 * HOUR, objective: 85, windowDays: 28 },
  { process: "order-fulfilment", name: "Orders succeed untouched", sli: "failure_rate", objective: 92, windowDays: 28 },
  { process: "order-fulfilment", name: "Orders shipped without retries", sli: "retry_rate", objective: 90, windowDays: 7 },
];
