import { describe, expect, it } from "vitest";
import { compareSemver } from "@/lib/domain/semver";

describe("compareSemver", () => {
  it("orders by major, minor, patch numerically, not as text", () => {
    const sorted = ["1.10.0", "1.4.0", "2.0.0", "1.4.10", "1.4.2"].sort(compareSemver);
    expect(sorted).toEqual(["1.4.0", "1.4.2", "1.4.10", "1.10.0", "2.0.0"]);
  });

  it("ranks pre-releases below their release, as semver.org's example", () => {
    const order = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0"];
    expect([...order].reverse().sort(compareSemver)).toEqual(order);
  });

  it("ignores build metadata and puts unparsable versions first", () => {
    expect(compareSemver("1.0.0+build.5", "1.0.0")).toBe(0);
    expect(compareSemver("next", "0.0.1")).toBeLessThan(0);
    expect(compareSemver("b", "a")).toBeGreaterThan(0);
  });
});
