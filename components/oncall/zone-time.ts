import { DateTime } from "luxon";

// One locale on the server and in every browser, so server-rendered times hydrate unchanged.
const LOCALE = "en-GB";

/** "Thu 27 Nov, 09:00" in the schedule's zone: handoffs are local times there. */
export function formatInZone(at: string | Date, zone: string, format = "ccc d LLL, HH:mm"): string {
  const dt = typeof at === "string" ? DateTime.fromISO(at, { zone, locale: LOCALE }) : DateTime.fromJSDate(at, { zone }).setLocale(LOCALE);
  return dt.toFormat(format);
}

/** The zone's abbreviation at an instant ("CET", "CEST"), so a reader sees which offset applies. */
export function zoneAbbreviation(at: string | Date, zone: string): string {
  return formatInZone(at, zone, "ZZZZ");
}

/** Local midnights in `zone` strictly after `from` and before `to`: the day ticks of a timeline. */
export function localMidnights(from: string, to: string, zone: string): DateTime[] {
  const end = DateTime.fromISO(to, { zone, locale: LOCALE });
  const ticks: DateTime[] = [];
  for (let day = DateTime.fromISO(from, { zone, locale: LOCALE }).startOf("day").plus({ days: 1 }); day < end; day = day.plus({ days: 1 })) ticks.push(day);
  return ticks;
}

/** An <input type="datetime-local"> value ("2026-11-26T09:00") read as a wall-clock time in `zone`, as an ISO instant; "" if empty or invalid. */
export function localInputToIso(value: string, zone: string): string {
  if (!value) return "";
  const dt = DateTime.fromISO(value, { zone });
  return dt.isValid ? dt.toUTC().toISO({ suppressMilliseconds: true }) ?? "" : "";
}

/** The reverse: an ISO instant as a datetime-local value in `zone`. */
export function isoToLocalInput(iso: string, zone: string): string {
  if (!iso) return "";
  const dt = DateTime.fromISO(iso, { zone });
  return dt.isValid ? dt.toFormat("yyyy-LL-dd'T'HH:mm") : "";
}
