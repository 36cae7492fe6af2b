import { z } from "zod";
import { policyProblems, SEVERITIES } from "@/lib/domain/escalation";
import { isValidHandoffTime, isValidTimeZone, ROTATION_UNITS } from "@/lib/domain/oncall";

/** Cross-field rules run once every field is valid (they read the parsed values). */
const WHEN_FIELDS_VALID = { when: (payload: { issues: readonly unknown[] }) => payload.issues.length === 0 };

const ZId = z.string().trim().min(1, "is required").max(100);
const DAY_MS = 86_400_000;
export const MAX_OVERRIDE_DAYS = 90;
/** Level 1 is the primary layer, level 2 the secondary. */
export const LAYER_LEVELS = [1, 2] as const;

const ZLevel = z.union([z.literal(1), z.literal(2)], { message: "must be 1 (primary) or 2 (secondary)" });

/** A calendar date that exists ("2026-02-30" does not). */
const ZLocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date as YYYY-MM-DD")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return Number.isFinite(d.getTime()) && d.toISOString().startsWith(s);
  }, "is not a date on the calendar");

export const ZScheduleLayer = z.object({
  level: ZLevel,
  members: z.array(ZId).min(1, "add at least one member to the rotation").max(100, "at most 100 people in one rotation"),
  rotationEvery: z.int({ message: "must be a whole number" }).min(1, "must be at least 1").max(1000, "must be at most 1000"),
  rotationUnit: z.enum(ROTATION_UNITS, { message: "must be hours, days or weeks" }),
  handoffTime: z.string().refine(isValidHandoffTime, "must be a time as HH:mm (24 h)"),
  startDate: ZLocalDate,
});

/** A team's schedule: a name, the IANA zone its handoffs are in, a primary and optionally a secondary layer. */
export const ZScheduleInput = z
  .object({
    name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
    timeZone: z.string().trim().refine(isValidTimeZone, "must be an IANA time zone such as Europe/Berlin"),
    layers: z.array(ZScheduleLayer).min(1, "add the primary layer").max(LAYER_LEVELS.length, "a schedule has a primary and a secondary layer at most"),
  })
  .superRefine((s, ctx) => {
    const levels = s.layers.map((l) => l.level);
    s.layers.forEach((l, i) => {
      if (levels.indexOf(l.level) !== i) ctx.addIssue({ code: "custom", path: ["layers", i, "level"], message: "another layer already has this level" });
    });
    if (s.layers.length > 0 && !levels.includes(1)) ctx.addIssue({ code: "custom", path: ["layers"], message: "add the primary layer (level 1)" });
  }, WHEN_FIELDS_VALID);
export type TScheduleInput = z.input<typeof ZScheduleInput>;
export type TSchedule = z.output<typeof ZScheduleInput>;

/** Creating a schedule names the team it belongs to. */
export const ZCreateSchedule = ZScheduleInput.and(z.object({ teamId: ZId }));
export type TCreateSchedule = z.output<typeof ZCreateSchedule>;

const ZInstant = z.iso
  .datetime({ offset: true, message: "must be a date and time with a zone" })
  .transform((s) => new Date(s));

/** "Ana covers Ben from … to …": `replacesUserId` null covers the whole layer, whoever is on rotation. */
export const ZOverrideInput = z
  .object({
    level: ZLevel,
    userId: ZId,
    replacesUserId: z.union([ZId, z.literal("")]).nullish().transform((v) => v || null),
    startsAt: ZInstant,
    endsAt: ZInstant,
    reason: z.string().trim().max(500, "must be at most 500 characters").optional(),
  })
  .superRefine((o, ctx) => {
    const span = o.endsAt.getTime() - o.startsAt.getTime();
    if (span <= 0) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "must be after the start" });
    else if (span > MAX_OVERRIDE_DAYS * DAY_MS) ctx.addIssue({ code: "custom", path: ["endsAt"], message: `an override lasts at most ${MAX_OVERRIDE_DAYS} days` });
    if (o.replacesUserId !== null && o.replacesUserId === o.userId) {
      ctx.addIssue({ code: "custom", path: ["replacesUserId"], message: "someone cannot cover themselves" });
    }
  }, WHEN_FIELDS_VALID);
export type TOverrideInput = z.input<typeof ZOverrideInput>;
export type TOverride = z.output<typeof ZOverrideInput>;

export const ZEscalationTarget = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("primary") }),
    z.object({ kind: z.literal("secondary") }),
    z.object({ kind: z.literal("manager") }),
    z.object({ kind: z.literal("user"), userId: z.string({ message: "Choose the user to notify." }).trim() }),
  ],
  { message: "must be primary, secondary, manager or user" },
);

/** Numbers are only typed here: the limits are the domain's (policyProblems), checked once below. */
export const ZEscalationStep = z.object({
  target: ZEscalationTarget,
  waitMinutes: z.number({ message: "must be a number of minutes" }),
});

export const ZSeverity = z.enum(SEVERITIES, { message: `must be one of ${SEVERITIES.join(", ")}` });

export const ZEscalationPolicyInput = z
  .object({
    severity: ZSeverity,
    steps: z.array(ZEscalationStep),
    repeat: z.number({ message: "must be a number" }),
  })
  .superRefine((p, ctx) => {
    for (const problem of policyProblems(p)) ctx.addIssue({ code: "custom", path: problem.path, message: problem.message });
  }, WHEN_FIELDS_VALID);
export type TEscalationPolicyInput = z.input<typeof ZEscalationPolicyInput>;
export type TEscalationPolicy = z.output<typeof ZEscalationPolicyInput>;

/** The stored steps column (written only through ZEscalationPolicyInput). */
export const ZStoredSteps = z.array(ZEscalationStep);
