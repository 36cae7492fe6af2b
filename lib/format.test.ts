import { describe, it, expect } from "vitest";
import { formatBudgetLeft, formatCount, formatDuration, formatInstant, formatPercent, formatRelative } from "@/lib/format";

describe("formatDuration", () => {
  it.each([
    [7205, "2 h"],
    [3605, "1 h"],
    [86430, "1 d"],
    [90000, "1 d 1 h"],
  ])("shows the largest unit and the one right after it: %i s → %s", (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it.each([
    [0, "0 s"],
    [1, "1 s"],
    [45, "45 s"],
    [59, "59 s"],
    [60, "1 m"],
    [61, "1 m 1 s"],
    [150, "2 m 30 s"],
    [3600, "1 h"],
    [3660, "1 h 1 m"],
    [8130, "2 h 15 m"],
    [7200, "2 h"],
    [86400, "1 d"],
    [90000, "1 d 1 h"],
    [90061, "1 d 1 h"],
    [172800, "2 d"],
    [30 * 86400, "30 d"],
  ])("%d s → %s", (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it("shows two units at most", () => {
    expect(formatDuration(3661)).toBe("1 h 1 m");
    expect(formatDuration(90061)).toBe("1 d 1 h");
  });

  it("rounds fractional seconds", () => {
    expect(formatDuration(44.4)).toBe("44 s");
    expect(formatDuration(44.5)).toBe("45 s");
    expect(formatDuration(59.6)).toBe("1 m");
    expect(formatDuration(0.4)).toBe("0 s");
  });

  it("clamps negatives to 0 s", () => {
    expect(formatDuration(-1)).toBe("0 s");
    expect(formatDuration(-3600)).toBe("0 s");
    expect(formatDuration(-0.4)).toBe("0 s");
  });
});

describe("formatRelative", () => {
  const now = new Date("2026-11-26T10:00:00.000Z");
  /** The instant `sec` seconds before `now` (after it when negative). */
  const ago = (sec: number) => new Date(now.getTime() - sec * 1000);

  it("says how long ago a past instant was", () => {
    expect(formatRelative(ago(3), now)).toBe("3 s ago");
    expect(formatRelative(ago(5 * 60), now)).toBe("5 min ago");
    expect(formatRelative(ago(2 * 3600), now)).toBe("2 h ago");
    expect(formatRelative(ago(3 * 86400), now)).toBe("3 d ago");
  });

  it("says how far away a future instant is", () => {
    expect(formatRelative(ago(-3), now)).toBe("in 3 s");
    expect(formatRelative(ago(-4 * 60), now)).toBe("in 4 min");
    expect(formatRelative(ago(-2 * 3600), now)).toBe("in 2 h");
    expect(formatRelative(ago(-3 * 86400), now)).toBe("in 3 d");
  });

  it("the same instant is 0 s ago", () => {
    expect(formatRelative(now, now)).toBe("0 s ago");
  });

  it.each([
    [59, "59 s ago", "in 59 s"],
    [60, "1 min ago", "in 1 min"],
    [119, "1 min ago", "in 1 min"],
    [120, "2 min ago", "in 2 min"],
    [3599, "59 min ago", "in 59 min"],
    [3600, "1 h ago", "in 1 h"],
    [86399, "23 h ago", "in 23 h"],
    [86400, "1 d ago", "in 1 d"],
    [2 * 86400 - 1, "1 d ago", "in 1 d"],
  ])("unit boundary at %d s: %s / %s", (sec, past, future) => {
    expect(formatRelative(ago(sec), now)).toBe(past);
    expect(formatRelative(ago(-sec), now)).toBe(future);
  });

  it("rounds to whole seconds before choosing the unit", () => {
    expect(formatRelative(new Date(now.getTime() - 59_400), now)).toBe("59 s ago");
    expect(formatRelative(new Date(now.getTime() - 59_500), now)).toBe("1 min ago");
  });

  it("accepts an ISO string", () => {
    expect(formatRelative("2026-11-26T09:58:00.000Z", now)).toBe("2 min ago");
    expect(formatRelative("2026-11-26T11:00:00+01:00", now)).toBe("0 s ago");
  });
});

describe("formatBudgetLeft", () => {
  it("says what is left, or how many budgets an overspent SLO has used", () => {
    expect(formatBudgetLeft(null)).toBe("—");
    expect(formatBudgetLeft(0.62, 0)).toBe("62% left");
    expect(formatBudgetLeft(0)).toBe("0.0% left");
    expect(formatBudgetLeft(-0.5)).toBe("spent 1.5×");
    expect(formatBudgetLeft(-19)).toBe("spent 20×");
  });
});

describe("formatPercent", () => {
  it("shows a ratio as a percentage with one decimal", () => {
    expect(formatPercent(0.0423)).toBe("4.2%");
    expect(formatPercent(0)).toBe("0.0%");
    expect(formatPercent(1)).toBe("100.0%");
    expect(formatPercent(0.5)).toBe("50.0%");
  });

  it("takes the number of decimals", () => {
    expect(formatPercent(0.0423, 2)).toBe("4.23%");
    expect(formatPercent(0.0423, 0)).toBe("4%");
  });

  it("shows null (no data) as a dash", () => {
    expect(formatPercent(null)).toBe("—");
    expect(formatPercent(null, 3)).toBe("—");
  });
});

describe("formatCount", () => {
  it("groups thousands with commas", () => {
    expect(formatCount(0)).toBe("0");
    expect(formatCount(999)).toBe("999");
    expect(formatCount(12345)).toBe("12,345");
    expect(formatCount(1234567)).toBe("1,234,567");
  });
});

describe("formatInstant", () => {
  it("shows a Date in UTC, without milliseconds", () => {
    expect(formatInstant(new Date("2026-11-26T10:04:05.678Z"))).toBe("2026-11-26 10:04:05");
  });

  it("converts an ISO string with an offset to UTC", () => {
    expect(formatInstant("2026-11-26T11:04:05.999+01:00")).toBe("2026-11-26 10:04:05");
    expect(formatInstant("2026-11-26T02:30:00-05:00")).toBe("2026-11-26 07:30:00");
  });

  it("does not round milliseconds up into the next second", () => {
    expect(formatInstant(new Date("2026-12-31T23:59:59.999Z"))).toBe("2026-12-31 23:59:59");
  });

  it("pads single digits", () => {
    expect(formatInstant(new Date(Date.UTC(2026, 0, 2, 3, 4, 5)))).toBe("2026-01-02 03:04:05");
  });
});
