import { describe, expect, it } from "vitest";
import { INCIDENT_TYPES } from "@/lib/domain/detectors";
import {
  DEFAULT_RUNBOOKS,
  RUNBOOK_ACTIONS,
  RUNBOOK_KINDS,
  RUNBOOK_SECTIONS,
  RUNBOOK_TITLES,
  isRunbookKind,
  normalizeRunbook,
  parseRunbook,
  planAction,
  runbookKindFor,
  runbookProblems,
  type ActionContext,
} from "@/lib/domain/runbook";

const VALID = `## Detect
- Look at the failure ratio.
## Diagnose
- Read the error codes.
## Mitigate
- {{action:reroute}} Reroute.
## Rollback
- {{action:compensate}} Compensate.
`;

describe("the built-in runbooks", () => {
  it("exist for each kind, with the titles of PRODUCT.md", () => {
    expect(RUNBOOK_KINDS).toEqual(["dependency_outage", "stuck_cases", "version_regression"]);
    expect(RUNBOOK_TITLES).toEqual({
      dependency_outage: "External dependency outage",
      stuck_cases: "Stuck or long-running cases",
      version_regression: "Version or rule change gone wrong",
    });
    expect(Object.keys(DEFAULT_RUNBOOKS).sort()).toEqual([...RUNBOOK_KINDS].sort());
  });

  it.each(RUNBOOK_KINDS)("%s parses into exactly the four sections, each with steps, and has no problems", (kind) => {
    const sections = parseRunbook(DEFAULT_RUNBOOKS[kind]);
    expect(sections.map((s) => s.title)).toEqual([...RUNBOOK_SECTIONS]);
    for (const s of sections) expect(s.steps.length).toBeGreaterThan(0);
    expect(runbookProblems(DEFAULT_RUNBOOKS[kind])).toEqual([]);
    // Stored and compared in normal form: a default saved unchanged is not a new version.
    expect(normalizeRunbook(DEFAULT_RUNBOOKS[kind])).toBe(DEFAULT_RUNBOOKS[kind]);
    // Detect and Diagnose tell what to look at; only Mitigate and Rollback act.
    for (const s of sections.slice(0, 2)) expect(s.steps.every((step) => step.action === null)).toBe(true);
    for (const s of sections) for (const step of s.steps) expect(step.text).not.toMatch(/\{\{|\}\}/);
  });

  const actionsOf = (kind: (typeof RUNBOOK_KINDS)[number], section: string) =>
    parseRunbook(DEFAULT_RUNBOOKS[kind])
      .find((s) => s.title === section)!
      .steps.flatMap((s) => (s.action ? [s.action] : []));

  it("the outage pauses and reroutes, then compensates and resumes", () => {
    expect(actionsOf("dependency_outage", "Mitigate")).toEqual(["pause_starts", "reroute"]);
    expect(actionsOf("dependency_outage", "Rollback")).toEqual(["compensate", "resume_starts"]);
  });

  it("the stuck runbook restarts the step", () => {
    expect(actionsOf("stuck_cases", "Mitigate")).toEqual(["restart_step"]);
    expect(actionsOf("stuck_cases", "Rollback")).toEqual([]);
  });

  it("the regression runbook restarts or cancels, then compensates", () => {
    expect(actionsOf("version_regression", "Mitigate")).toEqual(["restart_step", "cancel"]);
    expect(actionsOf("version_regression", "Rollback")).toEqual(["compensate"]);
  });
});

describe("parseRunbook", () => {
  it("splits by ## heading, keeps heading text, and strips markers from the step text", () => {
    expect(parseRunbook(VALID)).toEqual([
      { title: "Detect", steps: [{ text: "Look at the failure ratio.", action: null }] },
      { title: "Diagnose", steps: [{ text: "Read the error codes.", action: null }] },
      { title: "Mitigate", steps: [{ text: "Reroute.", action: "reroute" }] },
      { title: "Rollback", steps: [{ text: "Compensate.", action: "compensate" }] },
    ]);
  });

  it("reads -, *, numbered items and plain lines as steps; text before the first heading is an untitled section", () => {
    const md = "Read this first.\n\n## Mitigate (stop the bleeding) ##\n* star item\n1. numbered\n2) also numbered\nplain line\n\n  - indented item  \n";
    expect(parseRunbook(md)).toEqual([
      { title: "", steps: [{ text: "Read this first.", action: null }] },
      {
        title: "Mitigate (stop the bleeding)",
        steps: ["star item", "numbered", "also numbered", "plain line", "indented item"].map((text) => ({ text, action: null })),
      },
    ]);
  });

  it("takes the marker anywhere in the step, with spaces, and keeps unknown markers in the text", () => {
    const md = "## Mitigate\n- Pause {{ action : pause_starts }} the step\n- Do {{action:explode}} this\n- {{action:cancel}}";
    expect(parseRunbook(md)[0]!.steps).toEqual([
      { text: "Pause the step", action: "pause_starts" },
      { text: "Do {{action:explode}} this", action: null },
      { text: "", action: "cancel" },
    ]);
  });

  it("handles CRLF line ends, an empty body and a heading with no steps", () => {
    expect(parseRunbook("## Detect\r\n- a\r\n## Diagnose\r\n")).toEqual([
      { title: "Detect", steps: [{ text: "a", action: null }] },
      { title: "Diagnose", steps: [] },
    ]);
    expect(parseRunbook("")).toEqual([]);
    expect(parseRunbook("  \n\n")).toEqual([]);
  });

  it("treats other heading levels as steps, not sections", () => {
    expect(parseRunbook("## Detect\n### Signals\n# Big")).toEqual([
      {
        title: "Detect",
        steps: [
          { text: "Signals", action: null },
          { text: "Big", action: null },
        ],
      },
    ]);
  });
});

describe("runbookProblems", () => {
  it("accepts a runbook with the four sections, in any case and with extra words", () => {
    expect(runbookProblems(VALID)).toEqual([]);
    expect(runbookProblems(VALID.replace("## Mitigate", "## mitigate: stop the bleeding"))).toEqual([]);
  });

  it("refuses an empty body", () => {
    expect(runbookProblems("")).toEqual(["The runbook is empty: write its Detect, Diagnose, Mitigate and Rollback sections."]);
    expect(runbookProblems(" \n\t\n")).toHaveLength(1);
  });

  it("names each missing section, and a section with no steps", () => {
    expect(runbookProblems("## Detect\n- a\n## Diagnose\n")).toEqual([
      'The "## Diagnose" section has no steps.',
      'The "## Mitigate" section is missing.',
      'The "## Rollback" section is missing.',
    ]);
    // "Mitigation" is not "Mitigate", and "Rollbacks" is not "Rollback".
    expect(runbookProblems(VALID.replace("## Mitigate", "## Mitigation").replace("## Rollback", "## Rollbacks"))).toEqual([
      'The "## Mitigate" section is missing.',
      'The "## Rollback" section is missing.',
    ]);
  });

  it("names unknown markers once each, listing the known ones", () => {
    const problems = runbookProblems(`${VALID}- {{action:explode}}\n- again {{action:explode}}\n- {{action:}}\n`);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toBe(`{{action:explode}} is not an action; use one of ${RUNBOOK_ACTIONS.map((a) => `{{action:${a}}}`).join(", ")}.`);
    expect(problems[1]).toMatch(/^\{\{action:\}\} is not an action/);
  });

  it("refuses two actions on one step", () => {
    expect(runbookProblems(`${VALID}- {{action:reroute}} then {{action:cancel}}\n`)).toEqual([
      "A step carries 2 actions ({{action:reroute}}, {{action:cancel}}); give each action its own step.",
    ]);
  });

  it("refuses more than 20,000 characters, and accepts exactly 20,000", () => {
    const pad = (n: number) => `${VALID}- ${"x".repeat(n - VALID.length - 2)}`;
    expect(pad(20_000)).toHaveLength(20_000);
    expect(runbookProblems(pad(20_000))).toEqual([]);
    expect(runbookProblems(pad(20_001))).toEqual(["The runbook is 20,001 characters long; keep it to 20,000."]);
  });
});

describe("normalizeRunbook", () => {
  it("uses \\n line ends and ends with exactly one newline", () => {
    expect(normalizeRunbook("## Detect\r\n- a\r\n\r\n  \n")).toBe("## Detect\n- a\n");
    expect(normalizeRunbook("## Detect\r- a")).toBe("## Detect\n- a\n");
  });
});

describe("runbookKindFor", () => {
  it("maps the outage, stuck and regression incidents to their runbook", () => {
    expect(runbookKindFor("dependency_outage")).toBe("dependency_outage");
    expect(runbookKindFor("stuck_cases")).toBe("stuck_cases");
    expect(runbookKindFor("version_regression", "failure_rate")).toBe("version_regression");
  });

  it("maps an SLO burn by its SLI", () => {
    expect(runbookKindFor("slo_burn", "cycle_time")).toBe("stuck_cases");
    expect(runbookKindFor("slo_burn", "stuck_ratio")).toBe("stuck_cases");
    expect(runbookKindFor("slo_burn", "failure_rate")).toBe("dependency_outage");
    expect(runbookKindFor("slo_burn", "retry_rate")).toBe("dependency_outage");
    expect(runbookKindFor("slo_burn", "compensation_rate")).toBe("dependency_outage");
    expect(runbookKindFor("slo_burn")).toBe("dependency_outage");
    expect(runbookKindFor("slo_burn", null)).toBe("dependency_outage");
  });

  it("gives every incident type a runbook that exists", () => {
    for (const type of INCIDENT_TYPES) expect(isRunbookKind(runbookKindFor(type))).toBe(true);
  });
});

describe("planAction", () => {
  const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`);
  /** An outage of bureau-a in credit-check (the example of issue 6). */
  const outage: ActionContext = {
    processKey: "loan-approval",
    state: "credit-check",
    provider: "bureau-a",
    alternatives: ["bureau-b", "bureau-c"],
    pausedStates: [],
    inFlightCaseIds: ids("flight", 37),
    partialWorkCaseIds: ids("partial", 5),
    stuckCaseIds: ids("stuck", 12),
    failedOnVersionCaseIds: ids("failed", 3),
    erroringOnVersionCaseIds: ids("erroring", 4),
  };

  describe("pause and resume starts", () => {
    it("pauses starts of the failing step", () => {
      expect(planAction("dependency_outage", "pause_starts", outage)).toEqual({
        kind: "state",
        type: "pause_starts",
        processKey: "loan-approval",
        state: "credit-check",
        label: "Pause starts of credit-check",
      });
    });

    it("is unavailable when the step is already paused", () => {
      expect(planAction("dependency_outage", "pause_starts", { ...outage, pausedStates: ["intake", "credit-check"] })).toEqual({
        kind: "unavailable",
        label: "Pause starts of credit-check",
        reason: "New starts of credit-check are already paused.",
      });
    });

    it("resumes only a paused step", () => {
      expect(planAction("dependency_outage", "resume_starts", { ...outage, pausedStates: ["credit-check"] })).toEqual({
        kind: "state",
        type: "resume_starts",
        processKey: "loan-approval",
        state: "credit-check",
        label: "Resume starts of credit-check",
      });
      expect(planAction("dependency_outage", "resume_starts", { ...outage, pausedStates: ["intake"] })).toEqual({
        kind: "unavailable",
        label: "Resume starts of credit-check",
        reason: "New starts of credit-check are not paused.",
      });
    });

    it("is unavailable without a step, whatever the runbook", () => {
      for (const kind of RUNBOOK_KINDS) {
        expect(planAction(kind, "pause_starts", { ...outage, state: null })).toEqual({
          kind: "unavailable",
          label: "Pause new starts",
          reason: "The incident names no step to pause or resume.",
        });
        expect(planAction(kind, "resume_starts", { ...outage, state: null })).toMatchObject({ kind: "unavailable", label: "Resume new starts" });
      }
    });
  });

  describe("reroute", () => {
    it("reroutes the in-flight cases of an outage to the first alternative", () => {
      expect(planAction("dependency_outage", "reroute", outage)).toEqual({
        kind: "bulk",
        type: "reroute",
        caseIds: outage.inFlightCaseIds,
        toProvider: "bureau-b",
        label: "Reroute 37 in-flight cases to bureau-b",
      });
      expect(planAction("dependency_outage", "reroute", { ...outage, inFlightCaseIds: ["c-1"] })).toMatchObject({
        label: "Reroute 1 in-flight case to bureau-b",
        caseIds: ["c-1"],
      });
    });

    it("is unavailable without an alternative provider", () => {
      expect(planAction("dependency_outage", "reroute", { ...outage, alternatives: [] })).toEqual({
        kind: "unavailable",
        label: "Reroute 37 in-flight cases",
        reason: "credit-check has no provider other than bureau-a in the process graph.",
      });
      expect(planAction("stuck_cases", "reroute", { ...outage, state: null, provider: null, alternatives: [] })).toEqual({
        kind: "unavailable",
        label: "Reroute 12 stuck cases",
        reason: "The incident names no step, so there is no alternative provider to reroute to.",
      });
    });

    it("is unavailable without in-flight cases, saying where it looked", () => {
      expect(planAction("dependency_outage", "reroute", { ...outage, inFlightCaseIds: [] })).toEqual({
        kind: "unavailable",
        label: "Reroute cases",
        reason: "No open case is waiting in credit-check on bureau-a.",
      });
      expect(planAction("dependency_outage", "reroute", { ...outage, state: null, provider: null, inFlightCaseIds: [] })).toMatchObject({
        reason: "No open case is waiting on the failing provider.",
      });
    });

    it("reroutes the stuck cases of a stuck runbook", () => {
      expect(planAction("stuck_cases", "reroute", outage)).toMatchObject({ kind: "bulk", caseIds: outage.stuckCaseIds, label: "Reroute 12 stuck cases to bureau-b" });
    });
  });

  describe("compensate", () => {
    it("compensates the cases an outage left with partial work", () => {
      expect(planAction("dependency_outage", "compensate", outage)).toEqual({
        kind: "bulk",
        type: "compensate",
        caseIds: outage.partialWorkCaseIds,
        label: "Compensate 5 cases with partial work",
      });
      expect(planAction("dependency_outage", "compensate", { ...outage, partialWorkCaseIds: ["p-1"] })).toMatchObject({ label: "Compensate 1 case with partial work" });
    });

    it("compensates the failed cases of a regression", () => {
      expect(planAction("version_regression", "compensate", outage)).toEqual({
        kind: "bulk",
        type: "compensate",
        caseIds: outage.failedOnVersionCaseIds,
        label: "Compensate 3 cases that failed on the new version",
      });
    });

    it("is unavailable without cases", () => {
      expect(planAction("dependency_outage", "compensate", { ...outage, partialWorkCaseIds: [] })).toEqual({
        kind: "unavailable",
        label: "Compensate cases",
        reason: "No failed case is left with partial work.",
      });
    });
  });

  describe("restart the step", () => {
    it("restarts the in-flight cases of an outage", () => {
      expect(planAction("dependency_outage", "restart_step", outage)).toEqual({
        kind: "bulk",
        type: "restart_step",
        caseIds: outage.inFlightCaseIds,
        label: "Restart the step of 37 in-flight cases",
      });
    });

    it("restarts the stuck cases, needing no step or provider", () => {
      const stuck = { ...outage, state: null, provider: null, alternatives: [], inFlightCaseIds: [], partialWorkCaseIds: [] };
      expect(planAction("stuck_cases", "restart_step", stuck)).toEqual({
        kind: "bulk",
        type: "restart_step",
        caseIds: outage.stuckCaseIds,
        label: "Restart the step of 12 stuck cases",
      });
      expect(planAction("stuck_cases", "restart_step", { ...stuck, stuckCaseIds: ["s-1"] })).toMatchObject({ label: "Restart the step of 1 stuck case" });
    });

    it("restarts the open cases erroring on the new version of a regression (a finished case cannot restart)", () => {
      expect(planAction("version_regression", "restart_step", { ...outage, erroringOnVersionCaseIds: ["e-1"] })).toMatchObject({
        kind: "bulk",
        caseIds: ["e-1"],
        label: "Restart the step of 1 open case erroring on the new version",
      });
    });

    it("is unavailable when nothing is stuck", () => {
      expect(planAction("stuck_cases", "restart_step", { ...outage, stuckCaseIds: [] })).toEqual({
        kind: "unavailable",
        label: "Restart the step",
        reason: "No case of the process is stuck now.",
      });
    });
  });

  describe("cancel", () => {
    it("cancels the open cases erroring on the new version of a regression", () => {
      expect(planAction("version_regression", "cancel", outage)).toEqual({
        kind: "bulk",
        type: "cancel",
        caseIds: outage.erroringOnVersionCaseIds,
        label: "Cancel 4 open cases erroring on the new version",
      });
    });

    it("cancels the in-flight cases of an outage and the stuck ones of a stuck runbook", () => {
      expect(planAction("dependency_outage", "cancel", outage)).toMatchObject({ caseIds: outage.inFlightCaseIds, label: "Cancel 37 in-flight cases" });
      expect(planAction("stuck_cases", "cancel", outage)).toMatchObject({ caseIds: outage.stuckCaseIds, label: "Cancel 12 stuck cases" });
    });

    it("is unavailable without erroring open cases", () => {
      expect(planAction("version_regression", "cancel", { ...outage, erroringOnVersionCaseIds: [] })).toEqual({
        kind: "unavailable",
        label: "Cancel cases",
        reason: "No open case on the new version is erroring.",
      });
    });
  });

  it("hands out a copy of the case ids, not the context's array", () => {
    const planned = planAction("dependency_outage", "reroute", outage);
    expect(planned.kind === "bulk" && planned.caseIds).not.toBe(outage.inFlightCaseIds);
  });
});
