import { describe, it, expect } from "vitest";
import { commandOutcome } from "@/lib/domain/command-outcome";
import type { CaseStatus } from "@/lib/domain/case";

const REQUESTED = new Date("2026-03-01T10:00:00.000Z");
const at = (ms: number) => new Date(REQUESTED.getTime() + ms);
const MIN = 60_000;

const command = (status: string) => ({ requestedAt: REQUESTED, status });

/** A case that entered credit-check 10 minutes before the command and is still there. */
const caseAt = (
  over: Partial<{ status: CaseStatus; state: string | null; stateEnteredAt: Date; finishedAt: Date | null; stuck: boolean }> = {},
) => ({
  status: "running" as CaseStatus,
  state: "credit-check" as string | null,
  stateEnteredAt: at(-10 * MIN),
  finishedAt: null as Date | null,
  stuck: false,
  ...over,
});

const ACKNOWLEDGED = ["succeeded", "failed", "rejected"];

describe("commandOutcome: finished", () => {
  it.each(["completed", "failed", "cancelled", "compensated"] as CaseStatus[])(
    "is finished with the status when the case became %s after the request",
    (status) => {
      const c = caseAt({ status, state: "done", stateEnteredAt: at(2 * MIN), finishedAt: at(2 * MIN) });
      expect(commandOutcome(command("succeeded"), c)).toEqual({ kind: "finished", status });
    },
  );

  it("is finished even while the command is not yet acknowledged", () => {
    const c = caseAt({ status: "cancelled", finishedAt: at(1) });
    expect(commandOutcome(command("delivered"), c)).toEqual({ kind: "finished", status: "cancelled" });
  });

  it("is not finished when the case had already finished before the request", () => {
    const c = caseAt({ status: "failed", stateEnteredAt: at(-5 * MIN), finishedAt: at(-5 * MIN) });
    expect(commandOutcome(command("succeeded"), c).kind).not.toBe("finished");
    expect(commandOutcome(command("requested"), c).kind).not.toBe("finished");
  });

  it("is not finished when the case finished exactly at the request", () => {
    const c = caseAt({ status: "completed", stateEnteredAt: REQUESTED, finishedAt: REQUESTED });
    expect(commandOutcome(command("succeeded"), c).kind).not.toBe("finished");
  });

  it("an earlier finish followed by a later state change reads as moved, not finished", () => {
    // e.g. a failed case compensated by the command: status failed from before, new state after.
    const c = caseAt({ status: "failed", state: "refund", stateEnteredAt: at(3 * MIN), finishedAt: at(-5 * MIN) });
    expect(commandOutcome(command("succeeded"), c)).toEqual({ kind: "moved", state: "refund" });
  });
});

describe("commandOutcome: moved", () => {
  it("is moved, with the new state, when the case entered a state after the request", () => {
    const c = caseAt({ state: "manual-review", stateEnteredAt: at(1) });
    expect(commandOutcome(command("succeeded"), c)).toEqual({ kind: "moved", state: "manual-review" });
  });

  it("is moved before the command is acknowledged too", () => {
    const c = caseAt({ state: "manual-review", stateEnteredAt: at(30_000) });
    expect(commandOutcome(command("requested"), c)).toEqual({ kind: "moved", state: "manual-review" });
    expect(commandOutcome(command("delivered"), c)).toEqual({ kind: "moved", state: "manual-review" });
  });

  it("is not moved when the state was entered exactly at requestedAt (strictly after only)", () => {
    const c = caseAt({ state: "manual-review", stateEnteredAt: REQUESTED });
    expect(commandOutcome(command("succeeded"), c).kind).not.toBe("moved");
    expect(commandOutcome(command("succeeded"), c)).toEqual({ kind: "unchanged", stuck: false });
    expect(commandOutcome(command("delivered"), c)).toEqual({ kind: "pending" });
  });

  it("is moved 1 ms after requestedAt", () => {
    const c = caseAt({ state: "manual-review", stateEnteredAt: at(1) });
    expect(commandOutcome(command("succeeded"), c).kind).toBe("moved");
  });
});

describe("commandOutcome: pending or unchanged", () => {
  it.each(["requested", "delivered"])("is pending while the command is %s", (status) => {
    expect(commandOutcome(command(status), caseAt())).toEqual({ kind: "pending" });
    expect(commandOutcome(command(status), caseAt({ stuck: true }))).toEqual({ kind: "pending" });
  });

  it.each(ACKNOWLEDGED)("is unchanged and not stuck once %s, for a case that is not stuck", (status) => {
    expect(commandOutcome(command(status), caseAt({ stuck: false }))).toEqual({ kind: "unchanged", stuck: false });
  });

  it.each(ACKNOWLEDGED)("is unchanged and stuck once %s, for a case that is still stuck", (status) => {
    expect(commandOutcome(command(status), caseAt({ stuck: true }))).toEqual({ kind: "unchanged", stuck: true });
  });
});
