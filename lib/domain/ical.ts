/** An iCalendar (RFC 5545) writer for on-call feeds that calendar apps subscribe to. */
export type CalendarEvent = { uid: string; start: Date; end: Date; summary: string; description?: string; url?: string };

const CRLF = "\r\n";
/** RFC 5545 §3.1: content lines SHOULD NOT be longer than 75 octets, excluding the line break. */
const MAX_LINE_OCTETS = 75;

function utf8Octets(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  // A lone surrogate is encoded as U+FFFD, three octets, like any other BMP character.
  return codePoint < 0x10000 ? 3 : 4;
}

/** Drops control characters other than horizontal tab, which RFC 5545 forbids in values. */
function withoutControls(s: string): string {
  return [...s].filter((ch) => ch === "\t" || (ch >= " " && ch !== "\x7f")).join("");
}

/** TEXT values (§3.3.11): backslash, semicolon and comma escaped, any line break as \n. */
export function escapeText(s: string): string {
  const escaped = s.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, "\\n");
  return withoutControls(escaped);
}

/**
 * Folds a content line (§3.1): a CRLF and a space are inserted so no physical line exceeds 75
 * octets, counting the leading space of a continuation line. Splits fall between code points,
 * never inside a multi-byte UTF-8 character.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  let limit = MAX_LINE_OCTETS;
  for (const ch of line) {
    const n = utf8Octets(ch.codePointAt(0)!);
    if (octets + n > limit) {
      parts.push(current);
      current = "";
      octets = 0;
      limit = MAX_LINE_OCTETS - 1;
    }
    current += ch;
    octets += n;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** A UTC DATE-TIME (§3.3.5) such as 20261126T090000Z; milliseconds are dropped. */
export function formatUtc(d: Date): string {
  const year = d.getUTCFullYear();
  if (!Number.isFinite(d.getTime()) || year < 0 || year > 9999) {
    throw new RangeError(`iCalendar dates need a year from 0000 to 9999, got ${String(d)}`);
  }
  return d.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
}

function eventLines(e: CalendarEvent, stamp: string): string[] {
  return [
    "BEGIN:VEVENT",
    `UID:${escapeText(e.uid)}`,
    `DTSTAMP:${stamp}`,
    `DTSTART:${formatUtc(e.start)}`,
    `DTEND:${formatUtc(e.end)}`,
    `SUMMARY:${escapeText(e.summary)}`,
    ...(e.description === undefined ? [] : [`DESCRIPTION:${escapeText(e.description)}`]),
    // URI values are not TEXT: no escaping, but no control characters (a line break would end the line).
    ...(e.url === undefined ? [] : [`URL:${withoutControls(e.url)}`]),
    "END:VEVENT",
  ];
}

/**
 * A VCALENDAR with one VEVENT per event: CRLF line ends, lines folded at 75 octets, TEXT values
 * escaped, UTC times, DTSTAMP = now. With no events it is an empty VCALENDAR, which calendar
 * apps accept for a feed although RFC 5545's grammar asks for at least one component.
 */
export function toICalendar(name: string, events: readonly CalendarEvent[], now: Date): string {
  const stamp = formatUtc(now);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Flowdeck//On-call//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(name)}`,
    ...events.flatMap((e) => eventLines(e, stamp)),
    "END:VCALENDAR",
  ];
  return lines.map((line) => foldLine(line) + CRLF).join("");
}
