import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { metadata } from "@/app/layout";

/** Next.js serves public/ at the site root: the icon the metadata names must be a file there. */
describe("public assets", () => {
  it("names public/flowdeck.svg as the icon, a small SVG browsers can draw", () => {
    const { icon } = metadata.icons as { icon: { url: string; type: string } };
    expect(icon).toEqual({ url: "/flowdeck.svg", type: "image/svg+xml" });
    const file = path.join(process.cwd(), "public", icon.url);
    expect(fs.existsSync(file), `${file} is missing`).toBe(true);
    const svg = fs.readFileSync(file, "utf8").trim();
    expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*viewBox="[^"]+"/);
    expect(svg.endsWith("</svg>")).toBe(true);
    expect(Buffer.byteLength(svg)).toBeLessThan(4096); // fetched on every first visit
  });
});
