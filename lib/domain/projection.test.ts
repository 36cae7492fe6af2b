import { describe, expect, it } from "vitest";
import { detectorsToRun, PROJECTION_LAG_LIMIT_SEC, projectionIsCurrent, readsProjection } from "./projection";
import { INCIDENT_TYPES } from "./detectors";

describe("detectorsToRun", () => {
  it("runs every requested detector while the projection is current", () => {
    expect(detectorsToRun(INCIDENT_TYPES, true)).toEqual([...INCIDENT_TYPES]);
  });

  it("leaves out the stuck detector, which counts projected cases, while it is behind", () => {
    expect(detectorsToRun(INCIDENT_TYPES, false)).toEqual(["slo_burn", "dependency_outage", "version_regression"]);
    expect(detectorsToRun(["stuck_cases"], false)).toEqual([]);
  });

  it("asks how current the projection is only for rounds that read it", () => {
    expect(readsProjection(["dependency_outage", "stuck_cases"])).toBe(true);
    expect(readsProjection(["slo_burn", "version_regression"])).toBe(false);
  });
});

describe("projectionIsCurrent", () => {
  const now = new Date("2026-11-27T01:00:00Z");
  const ago = (sec: number) => new Date(now.getTime() - sec * 1000);

  it("is current with nothing queued", () => {
    expect(projectionIsCurrent(null, now)).toBe(true);
  });

  it("is current up to the limit, and behind just past it", () => {
    expect(projectionIsCurrent(ago(0), now)).toBe(true);
    expect(projectionIsCurrent(ago(PROJECTION_LAG_LIMIT_SEC), now)).toBe(true);
    expect(projectionIsCurrent(ago(PROJECTION_LAG_LIMIT_SEC + 0.001), now)).toBe(false);
    expect(projectionIsCurrent(ago(3600), now)).toBe(false);
  });

  it("takes a batch accepted after `now` (a clock ahead, or a round's now taken earlier) as current", () => {
    expect(projectionIsCurrent(new Date(now.getTime() + 5000), now)).toBe(true);
  });

  it("honours another limit", () => {
    expect(projectionIsCurrent(ago(10), now, 5)).toBe(false);
    expect(projectionIsCurrent(ago(10), now, 10)).toBe(true);
  });
});
