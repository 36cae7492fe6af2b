import { z } from "zod";

/** Marks inbox entries read: the given ones, or all of them. */
export const ZMarkRead = z
  .object({ ids: z.array(z.string().min(1).max(100)).min(1).max(200).optional(), all: z.literal(true).optional() })
  .refine((v) => Boolean(v.ids) !== Boolean(v.all), { message: "give either ids or all: true", path: ["ids"] });
export type TMarkRead = z.infer<typeof ZMarkRead>;
