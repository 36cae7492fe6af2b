import { describe, it, expect } from "vitest";
import { GIVE_UP_AFTER_SEC, retryDelaySec, shouldGiveUp } from "@/lib/domain/delivery";

const HOUR_MS = 3600 * 1000;
const DAY_MS = 24 * HOUR_MS;

describe("retryDelaySec", () => {
  it("waits 10 s after the first failed try", () => {
    expect(retryDelaySec(1)).toBe(10);
  });

  it("doubles with each further failure", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map(retryDelaySec)).toEqual([10, 20, 40, 80, 160, 320, 640, 1280, 2560]);
  });

  it("reaches the one-hour cap first at the 10th attempt (10 s × 2^9 = 5120 s > 3600 s)", () => {
    expect(retryDelaySec(9)).toBe(2560);
    expect(retryDelaySec(9)).toBeLessThan(3600);
    expect(retryDelaySec(10)).toBe(3600);
    const firstCapped = Array.from({ length: 50 }, (_, i) => i + 1).find((n) => retryDelaySec(n) === 3600);
    expect(firstCapped).toBe(10);
  });

  it("stays at the cap for later attempts", () => {
    expect(retryDelaySec(11)).toBe(3600);
    expect(retryDelaySec(20)).toBe(3600);
    expect(retryDelaySec(100)).toBe(3600);
    expect(retryDelaySec(2000)).toBe(3600);
  });

  it("treats 0 attempts like the first", () => {
    expect(retryDelaySec(0)).toBe(10);
  });
});

describe("shouldGiveUp", () => {
  const since = new Date("2026-03-01T00:00:00.000Z");
  const after = (ms: number) => new Date(since.getTime() + ms);

  it("defines the give-up window as 24 h", () => {
    expect(GIVE_UP_AFTER_SEC).toBe(24 * 3600);
  });

  it("keeps retrying at 24 h minus 1 ms", () => {
    expect(shouldGiveUp(since, after(DAY_MS - 1))).toBe(false);
  });

  it("keeps retrying early on", () => {
    expect(shouldGiveUp(since, since)).toBe(false);
    expect(shouldGiveUp(since, after(HOUR_MS))).toBe(false);
  });

  it("gives up at exactly 24 h", () => {
    expect(shouldGiveUp(since, after(DAY_MS))).toBe(true);
  });

  it("gives up later than 24 h", () => {
    expect(shouldGiveUp(since, after(DAY_MS + 1))).toBe(true);
    expect(shouldGiveUp(since, after(3 * DAY_MS))).toBe(true);
  });
});
