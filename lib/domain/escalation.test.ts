import { describe, it, expect } from "vitest";
import {
  DEFAULT_POLICIES,
  SEVERITIES,
  afterFiring,
  describeTarget,
  dueEscalations,
  escalationTimeline,
  initialEscalation,
  policyProblems,
  stepAt,
  stepCount,
  type EscalationPolicy,
} from "@/lib/domain/escalation";

/** Times below are written out by hand from the policies, not derived from the code. */
const t = (hhmm: string) => new Date(`2025-03-10T${hhmm}:00.000Z`);
const SEV1 = DEFAULT_POLICIES.SEV1;

describe("DEFAULT_POLICIES", () => {
  it("SEV1: primary 5, secondary 5, manager 10, repeated twice; SEV2: 15, 15, 30, once; SEV3: 60, 120, never", () => {
    const shape = (p: EscalationPolicy) => ({ steps: p.steps.map((s) => `${s.target.kind} ${s.waitMinutes}`), repeat: p.repeat });
    expect(SEVERITIES).toEqual(["SEV1", "SEV2", "SEV3"]);
    expect(shape(DEFAULT_POLICIES.SEV1)).toEqual({ steps: ["primary 5", "secondary 5", "manager 10"], repeat: 2 });
    expect(shape(DEFAULT_POLICIES.SEV2)).toEqual({ steps: ["primary 15", "secondary 15", "manager 30"], repeat: 1 });
    expect(shape(DEFAULT_POLICIES.SEV3)).toEqual({ steps: ["primary 60", "secondary 120"], repeat: 0 });
  });
});

describe("stepCount and stepAt", () => {
  it("counts every pass: 3 steps × 3 passes = 9, 3 × 2 = 6, 2 × 1 = 2", () => {
    expect(stepCount(DEFAULT_POLICIES.SEV1)).toBe(9);
    expect(stepCount(DEFAULT_POLICIES.SEV2)).toBe(6);
    expect(stepCount(DEFAULT_POLICIES.SEV3)).toBe(2);
  });

  it("level 4 of SEV1 is the secondary (index 1) in the second pass (pass 1)", () => {
    expect(stepAt(SEV1, 4)).toEqual({ step: { target: { kind: "secondary" }, waitMinutes: 5 }, pass: 1, index: 1 });
    expect(stepAt(SEV1, 8)).toEqual({ step: { target: { kind: "manager" }, waitMinutes: 10 }, pass: 2, index: 2 });
  });

  it("is null past the end, before the start, and for a fractional level", () => {
    expect(stepAt(SEV1, 9)).toBeNull();
    expect(stepAt(DEFAULT_POLICIES.SEV3, 2)).toBeNull();
    expect(stepAt(SEV1, -1)).toBeNull();
    expect(stepAt(SEV1, 1.5)).toBeNull();
    expect(stepAt({ steps: [], repeat: 3 }, 0)).toBeNull();
  });
});

describe("afterFiring", () => {
  it("the next step is due after the fired step's wait", () => {
    expect(afterFiring(SEV1, 0, t("10:00"))).toEqual({ level: 1, nextAt: t("10:05") });
    expect(afterFiring(SEV1, 2, t("10:10"))).toEqual({ level: 3, nextAt: t("10:20") });
  });

  it("after the last level nothing more is due", () => {
    expect(afterFiring(SEV1, 8, t("10:50"))).toEqual({ level: 9, nextAt: null });
    expect(afterFiring(DEFAULT_POLICIES.SEV3, 1, t("11:00"))).toEqual({ level: 2, nextAt: null });
  });
});

describe("escalationTimeline", () => {
  it("SEV1 triggered at 10:00: 10:00 primary, 10:05 secondary, 10:10 manager, then again from 10:20 and 10:40", () => {
    const timeline = escalationTimeline(SEV1, t("10:00"));
    expect(timeline.map((e) => [e.level, e.at.toISOString().slice(11, 16), e.target.kind, e.pass])).toEqual([
      [0, "10:00", "primary", 0],
      [1, "10:05", "secondary", 0],
      [2, "10:10", "manager", 0],
      [3, "10:20", "primary", 1],
      [4, "10:25", "secondary", 1],
      [5, "10:30", "manager", 1],
      [6, "10:40", "primary", 2],
      [7, "10:45", "secondary", 2],
      [8, "10:50", "manager", 2],
    ]);
  });

  it("SEV3 without repeat: primary at trigger, secondary an hour later, and no more", () => {
    const timeline = escalationTimeline(DEFAULT_POLICIES.SEV3, t("09:30"));
    expect(timeline.map((e) => [e.at.toISOString().slice(11, 16), e.target.kind])).toEqual([
      ["09:30", "primary"],
      ["10:30", "secondary"],
    ]);
  });

  it("an empty policy has no timeline", () => {
    expect(escalationTimeline({ steps: [], repeat: 0 }, t("10:00"))).toEqual([]);
  });
});

describe("dueEscalations", () => {
  it("at the trigger only step 0 is due; the next is due 5 minutes later", () => {
    expect(dueEscalations(SEV1, initialEscalation(t("10:00")), null, t("10:00"))).toEqual({
      fire: [0],
      state: { level: 1, nextAt: t("10:05") },
    });
  });

  it("nothing fires a second before the next step is due; it fires at the due instant", () => {
    const state = { level: 1, nextAt: t("10:05") };
    const justBefore = new Date(t("10:05").getTime() - 1000);
    expect(dueEscalations(SEV1, state, null, justBefore)).toEqual({ fire: [], state });
    expect(dueEscalations(SEV1, state, null, t("10:05"))).toEqual({ fire: [1], state: { level: 2, nextAt: t("10:10") } });
  });

  it("acknowledging stops escalation: nothing fires and nextAt becomes null", () => {
    const state = { level: 1, nextAt: t("10:05") };
    expect(dueEscalations(SEV1, state, t("10:03"), t("10:30"))).toEqual({ fire: [], state: { level: 1, nextAt: null } });
  });

  it("an acknowledgement stamped after `now` (clock skew) does not count yet", () => {
    const state = { level: 1, nextAt: t("10:05") };
    expect(dueEscalations(SEV1, state, t("10:06"), t("10:05")).fire).toEqual([1]);
  });

  it("catch-up: a worker down from 10:02 to 10:27 fires levels 1-4 in order, timed from their due times", () => {
    // Level 0 fired at 10:00, so level 1 was due at 10:05. Due times: 1 @10:05, 2 @10:10,
    // 3 @10:20, 4 @10:25, 5 @10:30. At 10:27, levels 1-4 are overdue and 5 is next at
    // 10:30 (10:25 + 5), not at 10:27 + 5 = 10:32.
    const down = dueEscalations(SEV1, { level: 1, nextAt: t("10:05") }, null, t("10:27"));
    expect(down).toEqual({ fire: [1, 2, 3, 4], state: { level: 5, nextAt: t("10:30") } });
  });

  it("catch-up past the end fires every remaining level and finishes", () => {
    expect(dueEscalations(SEV1, { level: 6, nextAt: t("10:40") }, null, t("12:00"))).toEqual({
      fire: [6, 7, 8],
      state: { level: 9, nextAt: null },
    });
  });

  it("a finished escalation stays finished", () => {
    const done = { level: 9, nextAt: null };
    expect(dueEscalations(SEV1, done, null, t("13:00"))).toEqual({ fire: [], state: done });
    // A stale nextAt past the last level is cleared, not fired.
    expect(dueEscalations(SEV1, { level: 9, nextAt: t("10:50") }, null, t("13:00"))).toEqual({ fire: [], state: { level: 9, nextAt: null } });
  });

  it("repeat counts: SEV2 unacknowledged for a day fires 6 notifications, SEV3 fires 2", () => {
    const day = t("23:59");
    expect(dueEscalations(DEFAULT_POLICIES.SEV2, initialEscalation(t("00:00")), null, day).fire).toEqual([0, 1, 2, 3, 4, 5]);
    expect(dueEscalations(DEFAULT_POLICIES.SEV3, initialEscalation(t("00:00")), null, day).fire).toEqual([0, 1]);
  });
});

describe("policyProblems", () => {
  const user = (userId: string, waitMinutes = 5) => ({ target: { kind: "user" as const, userId }, waitMinutes });

  it("the default policies are valid", () => {
    for (const s of SEVERITIES) expect(policyProblems(DEFAULT_POLICIES[s])).toEqual([]);
  });

  it("accepts the bounds: 1 and 10 steps, waits of 1 and 1440 minutes, repeat 0 and 5", () => {
    expect(policyProblems({ steps: [user("u1", 1)], repeat: 0 })).toEqual([]);
    expect(policyProblems({ steps: Array.from({ length: 10 }, () => user("u1", 1440)), repeat: 5 })).toEqual([]);
  });

  it("no steps, or more than 10", () => {
    expect(policyProblems({ steps: [], repeat: 0 })).toEqual([{ path: ["steps"], message: "Add at least one step." }]);
    expect(policyProblems({ steps: Array.from({ length: 11 }, () => user("u1")), repeat: 0 })).toEqual([
      { path: ["steps"], message: "A policy has at most 10 steps." },
    ]);
  });

  it("waits of 0, 1441 and 2.5 minutes point at their step", () => {
    const message = "Wait a whole number of minutes from 1 to 1440 (24 h).";
    expect(policyProblems({ steps: [user("u1", 0), user("u1", 1441), user("u1", 5), user("u1", 2.5)], repeat: 0 })).toEqual([
      { path: ["steps", 0, "waitMinutes"], message },
      { path: ["steps", 1, "waitMinutes"], message },
      { path: ["steps", 3, "waitMinutes"], message },
    ]);
  });

  it("repeat of -1, 6 or 1.5", () => {
    const message = "Repeat a whole number of times from 0 to 5.";
    for (const repeat of [-1, 6, 1.5]) {
      expect(policyProblems({ steps: [user("u1")], repeat })).toEqual([{ path: ["repeat"], message }]);
    }
  });

  it("a user step without a user", () => {
    expect(policyProblems({ steps: [{ target: { kind: "primary" }, waitMinutes: 5 }, user("  ")], repeat: 0 })).toEqual([
      { path: ["steps", 1, "target", "userId"], message: "Choose the user to notify." },
    ]);
  });
});

describe("describeTarget", () => {
  it("names each kind of target", () => {
    const names: Record<string, string> = { u_ana: "Ana Lopez" };
    const userName = (id: string) => names[id] ?? id;
    expect(describeTarget({ kind: "primary" })).toBe("the primary on call");
    expect(describeTarget({ kind: "secondary" })).toBe("the secondary on call");
    expect(describeTarget({ kind: "manager" })).toBe("the team's manager");
    expect(describeTarget({ kind: "user", userId: "u_ana" }, userName)).toBe("Ana Lopez");
    expect(describeTarget({ kind: "user", userId: "u_ana" })).toBe("user u_ana");
  });
});
