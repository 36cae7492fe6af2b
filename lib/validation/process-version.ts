import { z } from "zod";
import { ZSemver } from "@/lib/validation/event";

const ZStateName = z.string().min(1).max(200);

/** A state graph: unique state names, transitions between known states, a known initial state. */
export const ZStateGraph = z
  .object({
    initial: ZStateName,
    states: z
      .array(
        z.object({
          name: ZStateName,
          kind: z.enum(["task", "human", "terminal"]),
          providers: z.array(z.string().min(1).max(200)).max(20).optional(),
        }),
      )
      .min(1)
      .max(500),
    transitions: z.array(z.object({ from: ZStateName, to: ZStateName })).max(5000),
  })
  .superRefine((g, ctx) => {
    const names = new Set<string>();
    g.states.forEach((s, i) => {
      if (names.has(s.name)) ctx.addIssue({ code: "custom", path: ["states", i, "name"], message: `duplicate state ${s.name}` });
      names.add(s.name);
    });
    if (!names.has(g.initial)) ctx.addIssue({ code: "custom", path: ["initial"], message: "is not one of the states" });
    g.transitions.forEach((t, i) => {
      for (const end of ["from", "to"] as const) {
        if (!names.has(t[end])) ctx.addIssue({ code: "custom", path: ["transitions", i, end], message: `unknown state ${t[end]}` });
      }
    });
  });

export const ZProcessVersionInput = z.object({ version: ZSemver, graph: ZStateGraph });
export type TProcessVersionInput = z.infer<typeof ZProcessVersionInput>;
