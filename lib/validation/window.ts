import { z } from "zod";

const ZInstant = z.iso.datetime({ offset: true, message: "must be an RFC 3339 timestamp with a zone" });

/** A time window in a query string: `from` and `to`, defaulting to the `defaultHours` before now. */
export function zWindow(defaultHours: number, maxDays: number) {
  return z
    .object({ from: ZInstant.optional(), to: ZInstant.optional() })
    .transform((q, ctx) => {
      const to = q.to ? new Date(q.to) : new Date();
      const from = q.from ? new Date(q.from) : new Date(to.getTime() - defaultHours * 3600 * 1000);
      if (from >= to) ctx.addIssue({ code: "custom", path: ["from"], message: "must be before to" });
      if (to.getTime() - from.getTime() > maxDays * 86400 * 1000) {
        ctx.addIssue({ code: "custom", path: ["from"], message: `the window may be at most ${maxDays} days` });
      }
      return { from, to };
    });
}
