import { describe, expect, it } from "vitest";
import { escapeText, foldLine, formatUtc, toICalendar, type CalendarEvent } from "@/lib/domain/ical";

const NOW = new Date("2026-11-26T08:30:15.123Z");
const octets = (s: string) => Buffer.byteLength(s, "utf8");
const unfold = (s: string) => s.replace(/\r\n[ \t]/g, "");
/** A string survives a UTF-8 round trip only if no surrogate pair was split. */
const wellFormed = (s: string) => Buffer.from(s, "utf8").toString("utf8") === s;
const crlf = (...lines: string[]) => lines.map((l) => `${l}\r\n`).join("");

const alice: CalendarEvent = {
  uid: "shift-1@flowdeck",
  start: new Date("2026-11-26T09:00:00Z"),
  end: new Date("2026-11-27T09:00:00Z"),
  summary: "On call: alice (level 1)",
  description: "Primary; covers payments, refunds",
  url: "https://flowdeck.example/oncall?levels=1,2;tz=UTC",
};
const bob: CalendarEvent = {
  uid: "shift-2@flowdeck",
  start: new Date("2026-11-27T09:00:00.999Z"),
  end: new Date("2026-11-28T09:00:00Z"),
  summary: "On call: bob",
};

describe("toICalendar", () => {
  it("writes a small calendar exactly", () => {
    expect(toICalendar("Payments on-call", [alice, bob], NOW)).toBe(
      crlf(
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Flowdeck//On-call//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Payments on-call",
        "BEGIN:VEVENT",
        "UID:shift-1@flowdeck",
        "DTSTAMP:20261126T083015Z",
        "DTSTART:20261126T090000Z",
        "DTEND:20261127T090000Z",
        "SUMMARY:On call: alice (level 1)",
        "DESCRIPTION:Primary\\; covers payments\\, refunds",
        "URL:https://flowdeck.example/oncall?levels=1,2;tz=UTC",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:shift-2@flowdeck",
        "DTSTAMP:20261126T083015Z",
        "DTSTART:20261127T090000Z",
        "DTEND:20261128T090000Z",
        "SUMMARY:On call: bob",
        "END:VEVENT",
        "END:VCALENDAR",
      ),
    );
  });

  it("is still a calendar with its required properties when there are no events", () => {
    expect(toICalendar("Empty", [], NOW)).toBe(
      crlf(
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Flowdeck//On-call//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Empty",
        "END:VCALENDAR",
      ),
    );
  });

  it("ends every line with CRLF and has no bare CR or LF", () => {
    const ics = toICalendar("Team\nRota", [{ ...alice, description: "one\ntwo\r\nthree\rfour" }], NOW);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("escapes TEXT values: the calendar name, uid, summary and description", () => {
    const ics = toICalendar(
      "Ops; EU, night\\shift",
      [{ ...bob, uid: "a,b;c", summary: "Call: 555,1;2\\3", description: "line 1\nline 2" }],
      NOW,
    );
    expect(ics).toContain("\r\nX-WR-CALNAME:Ops\\; EU\\, night\\\\shift\r\n");
    expect(ics).toContain("\r\nUID:a\\,b\\;c\r\n");
    expect(ics).toContain("\r\nSUMMARY:Call: 555\\,1\\;2\\\\3\r\n");
    expect(ics).toContain("\r\nDESCRIPTION:line 1\\nline 2\r\n");
  });

  it("keeps a URL as it is but drops line breaks, which would start a new property", () => {
    const ics = toICalendar("x", [{ ...bob, url: "https://x.example/a,b;c\r\nATTACH:evil" }], NOW);
    expect(ics).toContain("\r\nURL:https://x.example/a,b;cATTACH:evil\r\n");
    expect(ics).not.toContain("\r\nATTACH");
  });

  it("folds long lines with multi-byte characters at 75 octets without splitting a character", () => {
    const description = "Übergabe an 🙂 Zoë — 東京 on-call, bitte prüfen; ".repeat(8);
    const ics = toICalendar("Long", [{ ...alice, description }], NOW);
    const physical = ics.split("\r\n").slice(0, -1);
    for (const line of physical) {
      expect(octets(line), line).toBeLessThanOrEqual(75);
      expect(wellFormed(line), line).toBe(true);
    }
    const folded = physical.filter((l) => l.startsWith(" "));
    expect(folded.length).toBeGreaterThan(5);
    expect(unfold(ics).split("\r\n")).toContain(`DESCRIPTION:${escapeText(description)}`);
  });

  it("writes DTSTAMP from now, dropping milliseconds", () => {
    expect(toICalendar("x", [bob], new Date("2027-01-02T03:04:05.999Z"))).toContain("\r\nDTSTAMP:20270102T030405Z\r\n");
  });

  it("refuses an invalid date rather than writing a broken feed", () => {
    expect(() => toICalendar("x", [{ ...bob, end: new Date(Number.NaN) }], NOW)).toThrow(RangeError);
    expect(() => toICalendar("x", [], new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("escapeText", () => {
  it("escapes backslash first, so escapes are not escaped twice", () => {
    expect(escapeText("a\\;b")).toBe("a\\\\\\;b");
  });

  it("writes any line break as \\n", () => {
    expect(escapeText("a\r\nb\nc\rd")).toBe("a\\nb\\nc\\nd");
  });

  it("leaves colons, quotes and tabs alone and drops other control characters", () => {
    expect(escapeText('DTSTART:"x"\tend\u0000\u0007\u001b\u007f')).toBe('DTSTART:"x"\tend');
  });
});

describe("foldLine", () => {
  it("leaves a line of exactly 75 octets alone", () => {
    const line = "x".repeat(75);
    expect(foldLine(line)).toBe(line);
  });

  it("folds at 75 octets; a continuation line's leading space counts, so it carries 74 more", () => {
    const line = "x".repeat(150);
    expect(foldLine(line)).toBe(`${"x".repeat(75)}\r\n ${"x".repeat(74)}\r\n x`);
  });

  it("moves a 3-octet character that would straddle the 75th octet to the next line", () => {
    const line = `${"a".repeat(74)}€b`;
    expect(foldLine(line)).toBe(`${"a".repeat(74)}\r\n €b`);
  });

  it("moves a 4-octet character (a surrogate pair in JavaScript) whole", () => {
    const line = `${"a".repeat(73)}🙂🙂`;
    const folded = foldLine(line);
    expect(folded).toBe(`${"a".repeat(73)}\r\n 🙂🙂`);
    expect(folded.split("\r\n").every(wellFormed)).toBe(true);
  });

  it("counts 2-octet characters: 37 × é is 74 octets, the 38th goes on", () => {
    expect(foldLine("é".repeat(38))).toBe(`${"é".repeat(37)}\r\n é`);
  });

  it("unfolds back to the original, spaces at the fold included", () => {
    const line = `SUMMARY:${"word ".repeat(40)}ÄÖÜ ß 😀 end`;
    const folded = foldLine(line);
    expect(unfold(folded)).toBe(line);
    expect(folded.split("\r\n").every((l) => octets(l) <= 75)).toBe(true);
  });
});

describe("formatUtc", () => {
  it("writes a UTC DATE-TIME", () => {
    expect(formatUtc(new Date("2026-11-26T09:00:00+01:00"))).toBe("20261126T080000Z");
  });

  it("rejects years an iCalendar date cannot hold", () => {
    expect(() => formatUtc(new Date("+010000-01-01T00:00:00Z"))).toThrow(RangeError);
  });
});
