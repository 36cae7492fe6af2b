import { afterEach, describe, expect, it, vi } from "vitest";
import { seededRandom as seeded } from "@/lib/domain/seeded-random";
import { DateTime } from "luxon";
import {
  ROTATION_UNITS,
  coverageGaps,
  isValidHandoffTime,
  isValidTimeZone,
  onCallAt,
  onCallTimeline,
  rotationShiftAt,
  type RotationUnit,
  type Schedule,
  type ScheduleLayer,
  type ScheduleOverride,
  type Shift,
} from "@/lib/domain/oncall";

const BERLIN = "Europe/Berlin";
const NEW_YORK = "America/New_York";
const at = (iso: string) => new Date(iso);
const HOUR = 3_600_000;
const lengthH = (s: Shift | null) => (s ? (s.end.getTime() - s.start.getTime()) / HOUR : null);

/** Daily at 09:00 from Monday 2026-01-05: alice Jan 5, bob Jan 6, carol Jan 7, alice Jan 8, ... */
const daily = (over: Partial<ScheduleLayer> = {}): ScheduleLayer => ({
  level: 1,
  members: ["alice", "bob", "carol"],
  rotationEvery: 1,
  rotationUnit: "days",
  handoffTime: "09:00",
  startDate: "2026-01-05",
  ...over,
});

const shift = (userId: string, start: string, end: string, overrideId: string | null = null, level = 1): Shift => ({
  level,
  userId,
  start: at(start),
  end: at(end),
  overrideId,
});

type OverrideInput = Omit<ScheduleOverride, "start" | "end" | "createdAt" | "level" | "replacesUserId"> &
  Partial<Pick<ScheduleOverride, "level" | "replacesUserId">> & { start: string; end: string; createdAt?: string };

const override = ({ start, end, createdAt = "2026-01-01T00:00:00Z", ...rest }: OverrideInput): ScheduleOverride => ({
  level: 1,
  replacesUserId: null,
  ...rest,
  start: at(start),
  end: at(end),
  createdAt: at(createdAt),
});

const schedule = (layers: ScheduleLayer[], overrides: ScheduleOverride[] = [], timeZone = BERLIN): Schedule => ({
  timeZone,
  layers,
  overrides,
});

describe("isValidTimeZone", () => {
  it.each(["Europe/Berlin", "America/New_York", "Asia/Kolkata", "UTC", "Etc/GMT+5"])("accepts %s", (zone) => {
    expect(isValidTimeZone(zone)).toBe(true);
  });

  it.each(["", "Mars/Olympus_Mons", "Europe/Berlin ", "UTC+3", "+03:00", "local"])("rejects %j", (zone) => {
    expect(isValidTimeZone(zone)).toBe(false);
  });

  it("accepts a zone in any letter case, as Intl does", () => {
    expect(isValidTimeZone("europe/berlin")).toBe(true);
  });
});

describe("isValidHandoffTime", () => {
  it.each(["00:00", "09:00", "02:30", "23:59"])("accepts %s", (s) => {
    expect(isValidHandoffTime(s)).toBe(true);
  });

  it.each(["24:00", "9:00", "09:60", "09:00:00", "0900", " 09:00", "", "ab:cd"])("rejects %j", (s) => {
    expect(isValidHandoffTime(s)).toBe(false);
  });
});

describe("ROTATION_UNITS", () => {
  it("lists every unit a layer can rotate by", () => {
    expect(ROTATION_UNITS).toEqual(["hours", "days", "weeks"]);
  });
});

describe("rotationShiftAt: daily rotation in Europe/Berlin at 09:00", () => {
  const layer = daily();

  it("hands over at 09:00 local, not a millisecond earlier", () => {
    expect(rotationShiftAt(layer, BERLIN, at("2026-01-06T08:59:59.999+01:00"))).toEqual(
      shift("alice", "2026-01-05T09:00:00+01:00", "2026-01-06T09:00:00+01:00"),
    );
    expect(rotationShiftAt(layer, BERLIN, at("2026-01-06T09:00:00+01:00"))).toEqual(
      shift("bob", "2026-01-06T09:00:00+01:00", "2026-01-07T09:00:00+01:00"),
    );
  });

  it("goes round the members in order and starts again with the first", () => {
    expect(rotationShiftAt(layer, BERLIN, at("2026-01-07T09:00:00+01:00"))?.userId).toBe("carol");
    expect(rotationShiftAt(layer, BERLIN, at("2026-01-08T08:59:00+01:00"))?.userId).toBe("carol");
    expect(rotationShiftAt(layer, BERLIN, at("2026-01-08T09:00:00+01:00"))?.userId).toBe("alice");
  });

  it("keeps the handoff at 09:00 local in summer time", () => {
    // 2026-07-01 is day 177 after Jan 5 (177 mod 3 = 0: alice).
    expect(rotationShiftAt(layer, BERLIN, at("2026-07-01T08:59:00+02:00"))?.userId).toBe("carol");
    expect(rotationShiftAt(layer, BERLIN, at("2026-07-01T09:00:00+02:00"))).toEqual(
      shift("alice", "2026-07-01T09:00:00+02:00", "2026-07-02T09:00:00+02:00"),
    );
  });

  it("starts with members[0] at handoffTime on startDate and is null before that", () => {
    expect(rotationShiftAt(layer, BERLIN, at("2026-01-05T08:59:59.999+01:00"))).toBeNull();
    expect(rotationShiftAt(layer, BERLIN, at("2025-06-01T00:00:00Z"))).toBeNull();
    expect(rotationShiftAt(layer, BERLIN, at("2026-01-05T09:00:00+01:00"))?.userId).toBe("alice");
  });

  it("rotates every n days", () => {
    const everyOther = daily({ members: ["alice", "bob"], rotationEvery: 2 });
    expect(rotationShiftAt(everyOther, BERLIN, at("2026-01-07T08:59:00+01:00"))).toEqual(
      shift("alice", "2026-01-05T09:00:00+01:00", "2026-01-07T09:00:00+01:00"),
    );
    expect(rotationShiftAt(everyOther, BERLIN, at("2026-01-07T09:00:00+01:00"))?.userId).toBe("bob");
    expect(rotationShiftAt(everyOther, BERLIN, at("2026-01-09T09:00:00+01:00"))?.userId).toBe("alice");
  });

  it("lets the same user appear more than once in the order", () => {
    const layer2 = daily({ members: ["alice", "alice", "bob"] });
    expect(rotationShiftAt(layer2, BERLIN, at("2026-01-06T10:00:00+01:00"))).toEqual(
      shift("alice", "2026-01-06T09:00:00+01:00", "2026-01-07T09:00:00+01:00"),
    );
    expect(rotationShiftAt(layer2, BERLIN, at("2026-01-07T10:00:00+01:00"))?.userId).toBe("bob");
  });

  it("reports the layer's level", () => {
    expect(rotationShiftAt(daily({ level: 2 }), BERLIN, at("2026-01-06T10:00:00+01:00"))?.level).toBe(2);
  });
});

describe("rotationShiftAt: weekly and hourly rotations", () => {
  const weekly = daily({ members: ["alice", "bob"], rotationUnit: "weeks" });

  it("hands over weekly on the start weekday at the handoff time", () => {
    expect(rotationShiftAt(weekly, BERLIN, at("2026-01-12T08:59:00+01:00"))).toEqual(
      shift("alice", "2026-01-05T09:00:00+01:00", "2026-01-12T09:00:00+01:00"),
    );
    expect(rotationShiftAt(weekly, BERLIN, at("2026-01-12T09:00:00+01:00"))?.userId).toBe("bob");
    expect(rotationShiftAt(weekly, BERLIN, at("2026-01-19T09:00:00+01:00"))?.userId).toBe("alice");
  });

  it("keeps a weekly handoff at 09:00 local across spring forward: that week is 167 h long", () => {
    // 2026-03-23 is 11 weeks after Jan 5: bob.
    const s = rotationShiftAt(weekly, BERLIN, at("2026-03-30T08:59:00+02:00"));
    expect(s).toEqual(shift("bob", "2026-03-23T09:00:00+01:00", "2026-03-30T09:00:00+02:00"));
    expect(lengthH(s)).toBe(167);
    expect(rotationShiftAt(weekly, BERLIN, at("2026-03-30T09:00:00+02:00"))?.userId).toBe("alice");
  });

  it("rotates every 8 absolute hours, so local handoffs move by an hour across spring forward", () => {
    const hourly = daily({ rotationUnit: "hours", rotationEvery: 8, handoffTime: "06:00", startDate: "2026-03-28" });
    // 06:00, 14:00, 22:00 CET on Mar 28; then 07:00, 15:00, 23:00 CEST.
    expect(rotationShiftAt(hourly, BERLIN, at("2026-03-28T13:59:00+01:00"))).toEqual(
      shift("alice", "2026-03-28T06:00:00+01:00", "2026-03-28T14:00:00+01:00"),
    );
    expect(rotationShiftAt(hourly, BERLIN, at("2026-03-29T06:59:00+02:00"))).toEqual(
      shift("carol", "2026-03-28T22:00:00+01:00", "2026-03-29T07:00:00+02:00"),
    );
    const next = rotationShiftAt(hourly, BERLIN, at("2026-03-29T07:00:00+02:00"));
    expect(next).toEqual(shift("alice", "2026-03-29T07:00:00+02:00", "2026-03-29T15:00:00+02:00"));
    expect(lengthH(next)).toBe(8);
  });

  it("rotates every 8 absolute hours across fall back as well", () => {
    const hourly = daily({ rotationUnit: "hours", rotationEvery: 8, handoffTime: "06:00", startDate: "2026-10-24" });
    // 06:00, 14:00, 22:00 CEST on Oct 24; then 05:00, 13:00, 21:00 CET.
    expect(rotationShiftAt(hourly, BERLIN, at("2026-10-25T04:59:00+01:00"))).toEqual(
      shift("carol", "2026-10-24T22:00:00+02:00", "2026-10-25T05:00:00+01:00"),
    );
    expect(rotationShiftAt(hourly, BERLIN, at("2026-10-25T05:00:00+01:00"))?.userId).toBe("alice");
  });
});

describe("rotationShiftAt: DST", () => {
  it("Europe/Berlin spring forward (2026-03-29): handoff stays at 09:00 local, the shift is 23 h", () => {
    // Mar 28 is day 82 after Jan 5: bob; Mar 29: carol.
    const layer = daily();
    const short = rotationShiftAt(layer, BERLIN, at("2026-03-29T08:59:59.999+02:00"));
    expect(short).toEqual(shift("bob", "2026-03-28T09:00:00+01:00", "2026-03-29T09:00:00+02:00"));
    expect(lengthH(short)).toBe(23);
    const after = rotationShiftAt(layer, BERLIN, at("2026-03-29T09:00:00+02:00"));
    expect(after).toEqual(shift("carol", "2026-03-29T09:00:00+02:00", "2026-03-30T09:00:00+02:00"));
    expect(lengthH(after)).toBe(24);
  });

  it("Europe/Berlin fall back (2026-10-25): handoff stays at 09:00 local, the shift is 25 h", () => {
    // Oct 24 is day 292 after Jan 5: bob.
    const long = rotationShiftAt(daily(), BERLIN, at("2026-10-25T08:59:00+01:00"));
    expect(long).toEqual(shift("bob", "2026-10-24T09:00:00+02:00", "2026-10-25T09:00:00+01:00"));
    expect(lengthH(long)).toBe(25);
    expect(rotationShiftAt(daily(), BERLIN, at("2026-10-25T09:00:00+01:00"))?.userId).toBe("carol");
  });

  it("America/New_York spring forward (2026-03-08): 09:00 EST to 09:00 EDT is 23 h", () => {
    // Mar 7 is day 61 after Jan 5: bob.
    const short = rotationShiftAt(daily(), NEW_YORK, at("2026-03-08T08:59:00-04:00"));
    expect(short).toEqual(shift("bob", "2026-03-07T09:00:00-05:00", "2026-03-08T09:00:00-04:00"));
    expect(lengthH(short)).toBe(23);
    expect(rotationShiftAt(daily(), NEW_YORK, at("2026-03-08T09:00:00-04:00"))?.userId).toBe("carol");
  });

  it("America/New_York fall back (2026-11-01): 09:00 EDT to 09:00 EST is 25 h", () => {
    // Oct 31 is day 299 after Jan 5: carol.
    const long = rotationShiftAt(daily(), NEW_YORK, at("2026-11-01T08:59:00-05:00"));
    expect(long).toEqual(shift("carol", "2026-10-31T09:00:00-04:00", "2026-11-01T09:00:00-05:00"));
    expect(lengthH(long)).toBe(25);
    expect(rotationShiftAt(daily(), NEW_YORK, at("2026-11-01T09:00:00-05:00"))?.userId).toBe("alice");
  });

  it("moves a handoff that falls in the spring-forward gap forward by the gap (luxon): 02:30 → 03:30 CEST", () => {
    const layer = daily({ members: ["alice", "bob"], handoffTime: "02:30", startDate: "2026-03-27" });
    const before = rotationShiftAt(layer, BERLIN, at("2026-03-29T03:29:59.999+02:00"));
    expect(before).toEqual(shift("bob", "2026-03-28T02:30:00+01:00", "2026-03-29T03:30:00+02:00"));
    expect(lengthH(before)).toBe(24);
    // The next day is back at 02:30 local: the gap day's shift is 23 h.
    const gapDay = rotationShiftAt(layer, BERLIN, at("2026-03-29T03:30:00+02:00"));
    expect(gapDay).toEqual(shift("alice", "2026-03-29T03:30:00+02:00", "2026-03-30T02:30:00+02:00"));
    expect(lengthH(gapDay)).toBe(23);
  });

  it("does not drag later handoffs when the start date itself is the gap day", () => {
    const layer = daily({ members: ["alice", "bob"], handoffTime: "02:30", startDate: "2026-03-29" });
    expect(rotationShiftAt(layer, BERLIN, at("2026-03-29T03:29:00+02:00"))).toBeNull();
    expect(rotationShiftAt(layer, BERLIN, at("2026-03-29T03:30:00+02:00"))).toEqual(
      shift("alice", "2026-03-29T03:30:00+02:00", "2026-03-30T02:30:00+02:00"),
    );
  });

  it("America/New_York: a 02:30 handoff on 2026-03-08 happens at 03:30 EDT", () => {
    const layer = daily({ members: ["alice", "bob"], handoffTime: "02:30", startDate: "2026-03-07" });
    expect(rotationShiftAt(layer, NEW_YORK, at("2026-03-08T03:30:00-04:00"))).toEqual(
      shift("bob", "2026-03-08T03:30:00-04:00", "2026-03-09T02:30:00-04:00"),
    );
  });

  it("hands over at the first occurrence of a handoff time that happens twice on fall-back night", () => {
    const berlin = daily({ members: ["alice", "bob"], handoffTime: "02:30", startDate: "2026-10-24" });
    // 02:30 CEST (00:30Z), not 02:30 CET an hour later; the 25 h shift runs to 02:30 CET next day.
    const s = rotationShiftAt(berlin, BERLIN, at("2026-10-25T02:45:00+01:00"));
    expect(s).toEqual(shift("bob", "2026-10-25T02:30:00+02:00", "2026-10-26T02:30:00+01:00"));
    expect(lengthH(s)).toBe(25);
    const ny = daily({ members: ["alice", "bob"], handoffTime: "01:30", startDate: "2026-10-31" });
    expect(rotationShiftAt(ny, NEW_YORK, at("2026-11-01T01:30:00-05:00"))).toEqual(
      shift("bob", "2026-11-01T01:30:00-04:00", "2026-11-02T01:30:00-05:00"),
    );
  });
});

describe("rotationShiftAt: a local day that never happened", () => {
  // Samoa skipped 2011-12-30 (UTC-10 → UTC+14): that day's shift has no length, so its member misses a turn.
  const APIA = "Pacific/Apia";
  const layer = daily({ startDate: "2011-12-28" });

  it("runs the shift before the skipped day straight into the one after it", () => {
    expect(rotationShiftAt(layer, APIA, at("2011-12-31T08:59:00+14:00"))).toEqual(
      shift("bob", "2011-12-29T09:00:00-10:00", "2011-12-31T09:00:00+14:00"),
    );
    expect(rotationShiftAt(layer, APIA, at("2011-12-31T09:00:00+14:00"))?.userId).toBe("alice");
  });

  it("leaves the skipped shift out of the timeline", () => {
    expect(onCallTimeline(schedule([layer], [], APIA), at("2011-12-29T12:00:00-10:00"), at("2012-01-01T12:00:00+14:00"))).toEqual([
      shift("bob", "2011-12-29T12:00:00-10:00", "2011-12-31T09:00:00+14:00"),
      shift("alice", "2011-12-31T09:00:00+14:00", "2012-01-01T09:00:00+14:00"),
      shift("bob", "2012-01-01T09:00:00+14:00", "2012-01-01T12:00:00+14:00"),
    ]);
  });
});

describe("luxon and the clock", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  const berlin0230 = (year: number, month: number, day: number) =>
    DateTime.fromObject({ year, month, day, hour: 2, minute: 30 }, { zone: BERLIN }).toISO();

  it("luxon alone resolves a time that happens twice by the offset at the current clock", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(at("2026-07-01T00:00:00Z"));
    expect(berlin0230(2026, 10, 25)).toBe("2026-10-25T02:30:00.000+02:00");
    vi.setSystemTime(at("2026-01-01T00:00:00Z"));
    expect(berlin0230(2026, 10, 25)).toBe("2026-10-25T02:30:00.000+01:00");
  });

  it("so rotations pick the first occurrence whatever the clock says", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    // Two different fall-back nights, so neither answer is a cached one.
    vi.setSystemTime(at("2026-01-01T00:00:00Z"));
    const winterClock = daily({ members: ["alice", "bob"], handoffTime: "02:30", startDate: "2025-10-25" });
    expect(rotationShiftAt(winterClock, BERLIN, at("2025-10-26T02:45:00+01:00"))?.start).toEqual(
      at("2025-10-26T02:30:00+02:00"),
    );
    vi.setSystemTime(at("2026-07-01T00:00:00Z"));
    const summerClock = daily({ members: ["alice", "bob"], handoffTime: "02:30", startDate: "2027-10-30" });
    expect(rotationShiftAt(summerClock, BERLIN, at("2027-10-31T02:45:00+01:00"))?.start).toEqual(
      at("2027-10-31T02:30:00+02:00"),
    );
  });
});

describe("rotationShiftAt: no rotation", () => {
  const noon = at("2026-02-01T12:00:00+01:00");

  it("is null with no members", () => {
    expect(rotationShiftAt(daily({ members: [] }), BERLIN, noon)).toBeNull();
  });

  it.each<[string, Partial<ScheduleLayer>]>([
    ["a zero rotation", { rotationEvery: 0 }],
    ["a negative rotation", { rotationEvery: -1 }],
    ["a fractional rotation", { rotationEvery: 1.5 }],
    ["a handoff of 24:00", { handoffTime: "24:00" }],
    ["a handoff without the leading zero", { handoffTime: "9:00" }],
    ["a start date that does not exist", { startDate: "2026-02-30" }],
    ["a start date not in YYYY-MM-DD", { startDate: "2026-1-5" }],
  ])("is null for a layer with %s (no coverage rather than a guess)", (_, over) => {
    expect(rotationShiftAt(daily(over), BERLIN, noon)).toBeNull();
  });

  it("is null for an unknown time zone", () => {
    expect(rotationShiftAt(daily(), "Mars/Olympus_Mons", noon)).toBeNull();
  });

  it("is null for an invalid instant", () => {
    expect(rotationShiftAt(daily(), BERLIN, new Date(Number.NaN))).toBeNull();
  });
});

describe("rotationShiftAt: schedules that started years ago", () => {
  /** Seeded PRNG (mulberry32) so every run checks the same instants. */
  const random = seeded(2021);
  const from = at("2021-06-01T00:00:00Z").getTime();
  const to = at("2026-06-01T00:00:00Z").getTime();
  const queries = Array.from({ length: 200 }, () => from + Math.floor(random() * (to - from))).sort((a, b) => a - b);

  /** Brute force: walk every shift from the start with luxon, one step at a time. */
  function bruteForce(layer: ScheduleLayer, zone: string, instants: number[]) {
    const [hour, minute] = layer.handoffTime.split(":").map(Number);
    const first = DateTime.fromISO(layer.startDate, { zone }).set({ hour, minute });
    const unit = layer.rotationUnit;
    const n = layer.rotationEvery;
    const startOf = (k: number) =>
      (unit === "hours" ? first.plus({ hours: k * n }) : unit === "days" ? first.plus({ days: k * n }) : first.plus({ weeks: k * n })).toMillis();
    const answers: { userId: string; start: number; end: number }[] = [];
    let k = 0;
    for (const t of instants) {
      while (startOf(k + 1) <= t) k++;
      answers.push({ userId: layer.members[k % layer.members.length]!, start: startOf(k), end: startOf(k + 1) });
    }
    return answers;
  }

  it.each<[RotationUnit, number, string]>([
    ["hours", 1, "America/New_York"],
    ["hours", 3, "Europe/Berlin"],
    ["days", 1, "Australia/Sydney"],
    ["weeks", 1, "America/New_York"],
  ])("every %s × %i in %s matches stepping through five years of shifts", (unit, every, zone) => {
    const layer = daily({
      members: ["u0", "u1", "u2", "u3", "u1", "u5", "u6"],
      rotationUnit: unit,
      rotationEvery: every,
      handoffTime: "09:15",
      startDate: "2021-05-31",
    });
    const expected = bruteForce(layer, zone, queries);
    const actual = queries.map((t) => {
      const s = rotationShiftAt(layer, zone, new Date(t));
      return s && { userId: s.userId, start: s.start.getTime(), end: s.end.getTime() };
    });
    expect(actual).toEqual(expected);
  });
});

describe("onCallAt: overrides", () => {
  it("is the rotation when no override applies, with the rotation shift's bounds", () => {
    expect(onCallAt(schedule([daily()]), 1, at("2026-01-06T12:00:00+01:00"))).toEqual(
      shift("bob", "2026-01-06T09:00:00+01:00", "2026-01-07T09:00:00+01:00"),
    );
  });

  it("a whole-layer override cuts the rotation shift into pieces", () => {
    const s = schedule(
      [daily()],
      [override({ id: "o1", userId: "dave", start: "2026-01-06T12:00:00+01:00", end: "2026-01-06T18:00:00+01:00" })],
    );
    expect(onCallAt(s, 1, at("2026-01-06T11:59:59.999+01:00"))).toEqual(
      shift("bob", "2026-01-06T09:00:00+01:00", "2026-01-06T12:00:00+01:00"),
    );
    expect(onCallAt(s, 1, at("2026-01-06T12:00:00+01:00"))).toEqual(
      shift("dave", "2026-01-06T12:00:00+01:00", "2026-01-06T18:00:00+01:00", "o1"),
    );
    expect(onCallAt(s, 1, at("2026-01-06T18:00:00+01:00"))).toEqual(
      shift("bob", "2026-01-06T18:00:00+01:00", "2026-01-07T09:00:00+01:00"),
    );
    // The rotation itself is unchanged.
    expect(rotationShiftAt(daily(), BERLIN, at("2026-01-06T12:00:00+01:00"))?.userId).toBe("bob");
  });

  it("an override of one user applies only while that user is on rotation", () => {
    const s = schedule(
      [daily()],
      [
        override({
          id: "o2",
          userId: "erin",
          replacesUserId: "bob",
          start: "2026-01-06T00:00:00+01:00",
          end: "2026-01-10T00:00:00+01:00",
        }),
      ],
    );
    expect(onCallAt(s, 1, at("2026-01-06T08:00:00+01:00"))).toEqual(
      shift("alice", "2026-01-05T09:00:00+01:00", "2026-01-06T09:00:00+01:00"),
    );
    expect(onCallAt(s, 1, at("2026-01-06T10:00:00+01:00"))).toEqual(
      shift("erin", "2026-01-06T09:00:00+01:00", "2026-01-07T09:00:00+01:00", "o2"),
    );
    expect(onCallAt(s, 1, at("2026-01-07T10:00:00+01:00"))?.userId).toBe("carol");
    // Bob's next shift starts inside the override and outlasts it.
    expect(onCallAt(s, 1, at("2026-01-09T10:00:00+01:00"))).toEqual(
      shift("erin", "2026-01-09T09:00:00+01:00", "2026-01-10T00:00:00+01:00", "o2"),
    );
    expect(onCallAt(s, 1, at("2026-01-10T00:00:00+01:00"))).toEqual(
      shift("bob", "2026-01-10T00:00:00+01:00", "2026-01-10T09:00:00+01:00"),
    );
  });

  it("an override of someone not in the rotation never applies", () => {
    const s = schedule(
      [daily()],
      [override({ id: "o", userId: "erin", replacesUserId: "zoe", start: "2026-01-06T00:00:00+01:00", end: "2026-01-10T00:00:00+01:00" })],
    );
    expect(onCallAt(s, 1, at("2026-01-06T10:00:00+01:00"))?.userId).toBe("bob");
  });

  describe("overlapping overrides", () => {
    const frank = override({
      id: "frank",
      userId: "frank",
      start: "2026-01-06T10:00:00+01:00",
      end: "2026-01-06T20:00:00+01:00",
      createdAt: "2026-01-01T00:00:00Z",
    });
    const gina = override({
      id: "gina",
      userId: "gina",
      start: "2026-01-06T12:00:00+01:00",
      end: "2026-01-06T14:00:00+01:00",
      createdAt: "2026-01-02T00:00:00Z",
    });

    it("the later-created one wins; when it ends the earlier one resumes", () => {
      const s = schedule([daily()], [frank, gina]);
      expect(onCallAt(s, 1, at("2026-01-06T11:00:00+01:00"))).toEqual(
        shift("frank", "2026-01-06T10:00:00+01:00", "2026-01-06T12:00:00+01:00", "frank"),
      );
      expect(onCallAt(s, 1, at("2026-01-06T13:00:00+01:00"))).toEqual(
        shift("gina", "2026-01-06T12:00:00+01:00", "2026-01-06T14:00:00+01:00", "gina"),
      );
      expect(onCallAt(s, 1, at("2026-01-06T14:00:00+01:00"))).toEqual(
        shift("frank", "2026-01-06T14:00:00+01:00", "2026-01-06T20:00:00+01:00", "frank"),
      );
      expect(onCallAt(s, 1, at("2026-01-06T20:00:00+01:00"))).toEqual(
        shift("bob", "2026-01-06T20:00:00+01:00", "2026-01-07T09:00:00+01:00"),
      );
    });

    it("an earlier-created override inside a later one never shows", () => {
      const s = schedule([daily()], [frank, { ...gina, createdAt: at("2025-12-31T00:00:00Z") }]);
      expect(onCallAt(s, 1, at("2026-01-06T13:00:00+01:00"))).toEqual(
        shift("frank", "2026-01-06T10:00:00+01:00", "2026-01-06T20:00:00+01:00", "frank"),
      );
    });

    it("on equal creation times the larger id wins, in any input order", () => {
      const a = override({ id: "a", userId: "ann", start: "2026-01-06T10:00:00+01:00", end: "2026-01-06T11:00:00+01:00" });
      const b = override({ id: "b", userId: "ben", start: "2026-01-06T10:00:00+01:00", end: "2026-01-06T11:00:00+01:00" });
      const t = at("2026-01-06T10:30:00+01:00");
      expect(onCallAt(schedule([daily()], [a, b]), 1, t)?.overrideId).toBe("b");
      expect(onCallAt(schedule([daily()], [b, a]), 1, t)?.overrideId).toBe("b");
    });

    it("a later override of someone not on rotation does not hide an earlier whole-layer one", () => {
      const hank = override({
        id: "hank",
        userId: "hank",
        replacesUserId: "alice",
        start: "2026-01-06T12:00:00+01:00",
        end: "2026-01-06T14:00:00+01:00",
        createdAt: "2026-01-03T00:00:00Z",
      });
      expect(onCallAt(schedule([daily()], [frank, hank]), 1, at("2026-01-06T13:00:00+01:00"))?.userId).toBe("frank");
    });

    it("an override of a user is judged against the rotation, not against an earlier override", () => {
      // Bob is on rotation; frank covers the layer; ivy, created later, replaces bob: ivy is on.
      const ivy = override({
        id: "ivy",
        userId: "ivy",
        replacesUserId: "bob",
        start: "2026-01-06T12:00:00+01:00",
        end: "2026-01-06T14:00:00+01:00",
        createdAt: "2026-01-03T00:00:00Z",
      });
      expect(onCallAt(schedule([daily()], [frank, ivy]), 1, at("2026-01-06T13:00:00+01:00"))?.userId).toBe("ivy");
    });
  });

  it("an override spanning handoffs is one piece from its start to its end", () => {
    const s = schedule(
      [daily()],
      [override({ id: "o6", userId: "dave", start: "2026-01-06T06:00:00+01:00", end: "2026-01-07T12:00:00+01:00" })],
    );
    const expected = shift("dave", "2026-01-06T06:00:00+01:00", "2026-01-07T12:00:00+01:00", "o6");
    expect(onCallAt(s, 1, at("2026-01-06T06:00:00+01:00"))).toEqual(expected);
    expect(onCallAt(s, 1, at("2026-01-07T10:00:00+01:00"))).toEqual(expected);
    expect(onCallAt(s, 1, at("2026-01-07T12:00:00+01:00"))).toEqual(
      shift("carol", "2026-01-07T12:00:00+01:00", "2026-01-08T09:00:00+01:00"),
    );
  });

  it("an override of a user with back-to-back shifts is one piece across their handoff", () => {
    const s = schedule(
      [daily({ members: ["alice", "alice", "bob"] })],
      [override({ id: "o", userId: "erin", replacesUserId: "alice", start: "2026-01-05T12:00:00+01:00", end: "2026-01-07T12:00:00+01:00" })],
    );
    expect(onCallAt(s, 1, at("2026-01-06T10:00:00+01:00"))).toEqual(
      shift("erin", "2026-01-05T12:00:00+01:00", "2026-01-07T09:00:00+01:00", "o"),
    );
  });

  it("applies overrides only on their own level", () => {
    const s = schedule(
      [daily(), daily({ level: 2, members: ["xena"] })],
      [override({ id: "o", level: 2, userId: "dave", start: "2026-01-06T00:00:00+01:00", end: "2026-01-07T00:00:00+01:00" })],
    );
    const t = at("2026-01-06T10:00:00+01:00");
    expect(onCallAt(s, 1, t)?.userId).toBe("bob");
    expect(onCallAt(s, 2, t)).toEqual(shift("dave", "2026-01-06T00:00:00+01:00", "2026-01-07T00:00:00+01:00", "o", 2));
  });

  it("a whole-layer override covers a level that has no layer; an override of a user there does not", () => {
    const s = schedule(
      [daily()],
      [
        override({ id: "w", level: 3, userId: "dave", start: "2026-01-06T00:00:00+01:00", end: "2026-01-06T12:00:00+01:00" }),
        override({ id: "r", level: 3, userId: "erin", replacesUserId: "bob", start: "2026-01-06T00:00:00+01:00", end: "2026-01-07T00:00:00+01:00" }),
      ],
    );
    expect(onCallAt(s, 3, at("2026-01-06T10:00:00+01:00"))).toEqual(
      shift("dave", "2026-01-06T00:00:00+01:00", "2026-01-06T12:00:00+01:00", "w", 3),
    );
    expect(onCallAt(s, 3, at("2026-01-06T13:00:00+01:00"))).toBeNull();
  });

  it("covers the time before a layer starts with a whole-layer override", () => {
    const s = schedule(
      [daily()],
      [override({ id: "o", userId: "dave", start: "2026-01-05T00:00:00+01:00", end: "2026-01-05T12:00:00+01:00" })],
    );
    expect(onCallAt(s, 1, at("2026-01-05T08:00:00+01:00"))?.userId).toBe("dave");
    expect(onCallAt(s, 1, at("2026-01-05T12:00:00+01:00"))).toEqual(
      shift("alice", "2026-01-05T12:00:00+01:00", "2026-01-06T09:00:00+01:00"),
    );
  });

  it("ignores an override that ends before it starts or has no length", () => {
    const s = schedule(
      [daily()],
      [
        override({ id: "backwards", userId: "dave", start: "2026-01-06T12:00:00+01:00", end: "2026-01-06T10:00:00+01:00" }),
        override({ id: "empty", userId: "dave", start: "2026-01-06T11:00:00+01:00", end: "2026-01-06T11:00:00+01:00" }),
      ],
    );
    expect(onCallAt(s, 1, at("2026-01-06T11:00:00+01:00"))?.userId).toBe("bob");
  });

  it("is null when nobody is on call, and for an invalid instant", () => {
    expect(onCallAt(schedule([daily()]), 1, at("2026-01-01T00:00:00Z"))).toBeNull();
    expect(onCallAt(schedule([daily()]), 2, at("2026-01-06T10:00:00+01:00"))).toBeNull();
    expect(onCallAt(schedule([daily()]), 1, new Date(Number.NaN))).toBeNull();
  });
});

describe("onCallTimeline", () => {
  it("lists every level's pieces clipped to the range, sorted by level then start", () => {
    const s = schedule([daily({ level: 2, members: ["erin", "frank"], rotationUnit: "weeks" }), daily()]);
    expect(onCallTimeline(s, at("2026-01-06T00:00:00+01:00"), at("2026-01-08T00:00:00+01:00"))).toEqual([
      shift("alice", "2026-01-06T00:00:00+01:00", "2026-01-06T09:00:00+01:00"),
      shift("bob", "2026-01-06T09:00:00+01:00", "2026-01-07T09:00:00+01:00"),
      shift("carol", "2026-01-07T09:00:00+01:00", "2026-01-08T00:00:00+01:00"),
      shift("erin", "2026-01-06T00:00:00+01:00", "2026-01-08T00:00:00+01:00", null, 2),
    ]);
  });

  it("cuts the rotation only where an override of a user applies", () => {
    const s = schedule(
      [daily()],
      [override({ id: "o2", userId: "erin", replacesUserId: "bob", start: "2026-01-06T00:00:00+01:00", end: "2026-01-10T00:00:00+01:00" })],
    );
    expect(onCallTimeline(s, at("2026-01-06T00:00:00+01:00"), at("2026-01-11T00:00:00+01:00"))).toEqual([
      shift("alice", "2026-01-06T00:00:00+01:00", "2026-01-06T09:00:00+01:00"),
      shift("erin", "2026-01-06T09:00:00+01:00", "2026-01-07T09:00:00+01:00", "o2"),
      shift("carol", "2026-01-07T09:00:00+01:00", "2026-01-08T09:00:00+01:00"),
      shift("alice", "2026-01-08T09:00:00+01:00", "2026-01-09T09:00:00+01:00"),
      shift("erin", "2026-01-09T09:00:00+01:00", "2026-01-10T00:00:00+01:00", "o2"),
      shift("bob", "2026-01-10T00:00:00+01:00", "2026-01-10T09:00:00+01:00"),
      shift("carol", "2026-01-10T09:00:00+01:00", "2026-01-11T00:00:00+01:00"),
    ]);
  });

  it("shows an override spanning a handoff as one piece", () => {
    const s = schedule(
      [daily()],
      [override({ id: "o6", userId: "dave", start: "2026-01-06T06:00:00+01:00", end: "2026-01-07T12:00:00+01:00" })],
    );
    expect(onCallTimeline(s, at("2026-01-06T00:00:00+01:00"), at("2026-01-08T00:00:00+01:00"))).toEqual([
      shift("alice", "2026-01-06T00:00:00+01:00", "2026-01-06T06:00:00+01:00"),
      shift("dave", "2026-01-06T06:00:00+01:00", "2026-01-07T12:00:00+01:00", "o6"),
      shift("carol", "2026-01-07T12:00:00+01:00", "2026-01-08T00:00:00+01:00"),
    ]);
  });

  it("merges back-to-back shifts of the same user, but not an override next to the rotation of the same user", () => {
    const s = schedule(
      [daily({ members: ["alice", "alice", "bob"] })],
      [override({ id: "self", userId: "bob", start: "2026-01-07T06:00:00+01:00", end: "2026-01-07T09:00:00+01:00" })],
    );
    expect(onCallTimeline(s, at("2026-01-05T09:00:00+01:00"), at("2026-01-09T09:00:00+01:00"))).toEqual([
      shift("alice", "2026-01-05T09:00:00+01:00", "2026-01-07T06:00:00+01:00"),
      shift("bob", "2026-01-07T06:00:00+01:00", "2026-01-07T09:00:00+01:00", "self"),
      shift("bob", "2026-01-07T09:00:00+01:00", "2026-01-08T09:00:00+01:00"),
      shift("alice", "2026-01-08T09:00:00+01:00", "2026-01-09T09:00:00+01:00"),
    ]);
  });

  it("is one piece for a one-member layer, however many handoffs", () => {
    const s = schedule([daily({ members: ["solo"], rotationUnit: "hours" })]);
    expect(onCallTimeline(s, at("2026-03-20T00:00:00Z"), at("2026-04-03T00:00:00Z"))).toEqual([
      shift("solo", "2026-03-20T00:00:00Z", "2026-04-03T00:00:00Z"),
    ]);
  });

  it("is empty for an empty or reversed range", () => {
    const s = schedule([daily()]);
    expect(onCallTimeline(s, at("2026-02-01T00:00:00Z"), at("2026-02-01T00:00:00Z"))).toEqual([]);
    expect(onCallTimeline(s, at("2026-02-02T00:00:00Z"), at("2026-02-01T00:00:00Z"))).toEqual([]);
  });
});

describe("coverageGaps", () => {
  const from = at("2026-01-05T00:00:00+01:00");
  const to = at("2026-01-12T00:00:00+01:00");

  it("is the time before a layer that starts in the middle of the range", () => {
    expect(coverageGaps(schedule([daily({ startDate: "2026-01-08" })]), from, to)).toEqual([
      { start: from, end: at("2026-01-08T09:00:00+01:00") },
    ]);
  });

  it("is empty when the level is covered throughout", () => {
    expect(coverageGaps(schedule([daily({ startDate: "2026-01-01" })]), from, to)).toEqual([]);
  });

  it("is the whole range for a layer without members", () => {
    expect(coverageGaps(schedule([daily({ members: [] })]), from, to)).toEqual([{ start: from, end: to }]);
  });

  it("is the whole range for a level without a layer, minus whole-layer overrides there", () => {
    const s = schedule(
      [daily()],
      [
        override({ id: "w", level: 2, userId: "dave", start: "2026-01-06T00:00:00+01:00", end: "2026-01-07T00:00:00+01:00" }),
        override({ id: "r", level: 2, userId: "erin", replacesUserId: "bob", start: "2026-01-08T00:00:00+01:00", end: "2026-01-09T00:00:00+01:00" }),
      ],
    );
    expect(coverageGaps(s, from, to, 2)).toEqual([
      { start: from, end: at("2026-01-06T00:00:00+01:00") },
      { start: at("2026-01-07T00:00:00+01:00"), end: to },
    ]);
    expect(coverageGaps(schedule([daily()]), from, to, 7)).toEqual([{ start: from, end: to }]);
  });

  it("defaults to level 1, and an override before the layer starts shortens the gap", () => {
    const s = schedule(
      [daily({ startDate: "2026-01-08" }), daily({ level: 2, startDate: "2026-01-01" })],
      [override({ id: "o", userId: "dave", start: "2026-01-06T00:00:00+01:00", end: "2026-01-07T00:00:00+01:00" })],
    );
    expect(coverageGaps(s, from, to)).toEqual([
      { start: from, end: at("2026-01-06T00:00:00+01:00") },
      { start: at("2026-01-07T00:00:00+01:00"), end: at("2026-01-08T09:00:00+01:00") },
    ]);
    expect(coverageGaps(s, from, to, 2)).toEqual([]);
  });

  it("is empty for an empty range", () => {
    expect(coverageGaps(schedule([]), to, from)).toEqual([]);
  });
});

describe("onCallTimeline agrees with onCallAt on random schedules", () => {
  const ZONES = ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "UTC", "America/Santiago", "Pacific/Chatham"];
  // Ranges around DST changes in those zones (Lord Howe and Santiago change in early April and September).
  const RANGE_STARTS = ["2026-03-02", "2026-03-22", "2026-03-30", "2026-09-01", "2026-10-20", "2026-10-28", "2026-06-10"];
  const USERS = ["ann", "ben", "cat", "dan"];
  const LEVELS = [1, 2, 3];
  const STEP = 15 * 60_000;
  const DAYS = 14;

  function randomSchedule(random: () => number) {
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
    const timeZone = pick(ZONES);
    const from = at(`${pick(RANGE_STARTS)}T00:00:00Z`).getTime() + int(0, 1440) * 60_000;
    const to = from + DAYS * 24 * HOUR;
    const layers: ScheduleLayer[] = [1, 2]
      .filter(() => random() < 0.85)
      .map((level) => {
        const rotationUnit = pick(ROTATION_UNITS);
        const startDate = DateTime.fromMillis(from, { zone: timeZone }).plus({ days: int(-2000, 10) }).toISODate()!;
        return {
          level,
          members: Array.from({ length: random() < 0.1 ? 0 : int(1, 4) }, () => pick(USERS)),
          rotationUnit,
          rotationEvery: rotationUnit === "hours" ? pick([1, 2, 3, 5, 8, 12, 24, 36]) : int(1, 3),
          handoffTime: random() < 0.2 ? pick(["02:30", "02:00", "00:00", "01:30"]) : `${String(int(0, 23)).padStart(2, "0")}:${pick(["00", "07", "30", "45"])}`,
          startDate,
        };
      });
    const overrides: ScheduleOverride[] = Array.from({ length: int(0, 6) }, (_, i) => {
      const start = from + int(-2 * 24 * 60, DAYS * 24 * 60) * 60_000;
      return {
        id: `o${i}`,
        level: pick(LEVELS),
        userId: pick([...USERS, "sub1", "sub2"]),
        replacesUserId: random() < 0.5 ? null : pick(USERS),
        start: new Date(start),
        end: new Date(start + int(-60, 4 * 24 * 60) * 60_000),
        createdAt: new Date(from + int(0, 4) * 1000),
      };
    });
    return { schedule: { timeZone, layers, overrides }, from: new Date(from), to: new Date(to) };
  }

  /** The spec at one instant, written independently: rotation user, then the newest applicable override. */
  function reference(s: Schedule, level: number, t: Date): { userId: string; overrideId: string | null } | null {
    const layer = s.layers.find((l) => l.level === level);
    const rotation = layer ? rotationShiftAt(layer, s.timeZone, t) : null;
    const applicable = s.overrides
      .filter((o) => o.level === level && o.start <= t && t < o.end)
      .filter((o) => o.replacesUserId === null || o.replacesUserId === rotation?.userId)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (b.id > a.id ? 1 : -1));
    const winner = applicable[0];
    if (winner) return { userId: winner.userId, overrideId: winner.id };
    return rotation && { userId: rotation.userId, overrideId: null };
  }

  const seen = { samples: 0, covered: 0, byOverride: 0, byReplacement: 0, gaps: 0 };

  it.each([1, 21, 41, 61, 81, 101])("schedules from seed %i onwards (20 each)", (firstSeed) => {
    for (let seed = firstSeed; seed < firstSeed + 20; seed++) {
      const { schedule: s, from, to } = randomSchedule(seeded(seed));
      const timeline = onCallTimeline(s, from, to);
      const order = timeline.map((p) => [p.level, p.start.getTime()] as const);
      expect(order, `seed ${seed}: sorted by level then start`).toEqual(
        [...order].sort((a, b) => a[0] - b[0] || a[1] - b[1]),
      );

      for (const level of LEVELS) {
        const pieces = timeline.filter((p) => p.level === level);
        const gaps = coverageGaps(s, from, to, level);
        // Pieces and gaps tile [from, to): no overlaps, no holes, no unmerged neighbours.
        const tiles = [...pieces, ...gaps].sort((a, b) => a.start.getTime() - b.start.getTime());
        expect(tiles[0]?.start, `seed ${seed} level ${level}: starts at from`).toEqual(from);
        expect(tiles.at(-1)?.end, `seed ${seed} level ${level}: ends at to`).toEqual(to);
        tiles.forEach((tile, i) => {
          expect(tile.start.getTime(), `seed ${seed}: non-empty`).toBeLessThan(tile.end.getTime());
          if (i > 0) expect(tile.start, `seed ${seed}: contiguous`).toEqual(tiles[i - 1]!.end);
        });
        pieces.slice(1).forEach((p, i) => {
          const prev = pieces[i]!;
          const same = prev.end.getTime() === p.start.getTime() && prev.userId === p.userId && prev.overrideId === p.overrideId;
          expect(same, `seed ${seed}: merged`).toBe(false);
        });
        gaps.slice(1).forEach((g, i) => expect(g.start.getTime()).toBeGreaterThan(gaps[i]!.end.getTime()));

        const instants = new Set<number>();
        for (let t = from.getTime(); t < to.getTime(); t += STEP) instants.add(t);
        for (const p of pieces) instants.add(p.start.getTime()).add(p.end.getTime() - 1);
        for (const t of instants) {
          const when = new Date(t);
          const piece = pieces.find((p) => p.start.getTime() <= t && t < p.end.getTime()) ?? null;
          const actual = onCallAt(s, level, when);
          const expected = reference(s, level, when);
          const label = `seed ${seed} level ${level} at ${when.toISOString()}`;
          expect(actual && { userId: actual.userId, overrideId: actual.overrideId }, label).toEqual(expected);
          expect(piece && { userId: piece.userId, overrideId: piece.overrideId }, label).toEqual(expected);
          seen.samples++;
          if (!actual || !piece) {
            seen.gaps++;
            continue;
          }
          seen.covered++;
          // onCallAt's piece lies within the timeline's piece; an override's piece is the same piece.
          const clipped = [Math.max(actual.start.getTime(), from.getTime()), Math.min(actual.end.getTime(), to.getTime())];
          expect(actual.start.getTime() <= t && t < actual.end.getTime(), label).toBe(true);
          expect(clipped[0]! >= piece.start.getTime() && clipped[1]! <= piece.end.getTime(), label).toBe(true);
          if (actual.overrideId !== null) {
            expect(clipped, label).toEqual([piece.start.getTime(), piece.end.getTime()]);
            seen.byOverride++;
            if (s.overrides.find((o) => o.id === actual.overrideId)?.replacesUserId) seen.byReplacement++;
          }
        }
      }
    }
  }, 60_000);

  it("exercised rotations, overrides of the layer and of a user, and gaps", () => {
    // Runs after the batches above (vitest runs a file's tests in order).
    expect(seen.samples).toBeGreaterThan(100 * DAYS * 96);
    expect(seen.covered).toBeGreaterThan(seen.samples / 4);
    expect(seen.byOverride).toBeGreaterThan(1000);
    expect(seen.byReplacement).toBeGreaterThan(100);
    expect(seen.gaps).toBeGreaterThan(1000);
  });
});

