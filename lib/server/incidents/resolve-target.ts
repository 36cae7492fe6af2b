import "server-only";
import { describeTarget, type EscalationTarget } from "@/lib/domain/escalation";
import type { Tx } from "@/lib/server/context";
import { onCallForTeam } from "@/lib/server/oncall/on-call-for-team";

export type Recipient = { id: string; name: string };

/**
 * The people an escalation step reaches at `at`: the team's primary or secondary on
 * call by its schedule, a named user, or the team's managers. Disabled users are skipped.
 */
export async function resolveTarget(tx: Tx, teamId: string | null, target: EscalationTarget, at: Date): Promise<{ users: Recipient[]; label: string }> {
  const label = describeTarget(target);
  switch (target.kind) {
    case "primary":
    case "secondary": {
      if (!teamId) return { users: [], label };
      const onCall = await onCallForTeam(tx, teamId, at);
      const person = target.kind === "primary" ? onCall.primary : onCall.secondary;
      return { users: person ? [{ id: person.id, name: person.name }] : [], label };
    }
    case "user": {
      const user = await tx.user.findFirst({ where: { id: target.userId, disabledAt: null }, select: { id: true, name: true } });
      return { users: user ? [user] : [], label: user ? user.name : label };
    }
    case "manager": {
      if (!teamId) return { users: [], label };
      const managers = await tx.membership.findMany({
        where: { teamId, role: "manager", user: { disabledAt: null } },
        select: { user: { select: { id: true, name: true } } },
        orderBy: { user: { name: "asc" } },
      });
      return { users: managers.map((m) => m.user), label };
    }
  }
}
