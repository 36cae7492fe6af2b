import "server-only";
import { AppError, type Issue } from "@/lib/errors";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { authorize } from "@/lib/server/authorize";
import type { Ctx, Tx } from "@/lib/server/context";
import { isUniqueViolation } from "@/lib/server/prisma-errors";
import { readTeam } from "@/lib/server/teams/team-view";
import type { TTeam } from "@/lib/validation/team";

type Member = { userId: string; role: "member" | "manager" };

/** Every member must be an existing, active user; the issue names the row. */
async function checkUsers(tx: Tx, members: Member[]): Promise<Map<string, string>> {
  const users = await tx.user.findMany({ where: { id: { in: members.map((m) => m.userId) }, disabledAt: null }, select: { id: true, name: true } });
  const names = new Map(users.map((u) => [u.id, u.name]));
  const issues: Issue[] = members.flatMap((m, i) => (names.has(m.userId) ? [] : [{ path: ["members", i, "userId"], message: "is not an active user" }]));
  if (issues.length) throw new AppError("invalid_request", "Some members are not active users.", issues);
  return names;
}

/**
 * Refuses to remove someone the team still relies on: a process owner of one of its
 * processes or someone on its rotations. Removing them silently would leave a process
 * owned by an outsider, or a rotation paging someone no longer on the team.
 */
async function checkRemovals(tx: Tx, teamId: string, removed: string[]): Promise<void> {
  if (removed.length === 0) return;
  const [owned, layers, users] = await Promise.all([
    tx.process.findMany({ where: { teamId, ownerId: { in: removed } }, select: { name: true, owner: { select: { name: true } } } }),
    tx.scheduleLayer.findMany({ where: { schedule: { teamId } }, select: { level: true, members: true, schedule: { select: { name: true } } } }),
    tx.user.findMany({ where: { id: { in: removed } }, select: { id: true, name: true } }),
  ]);
  const problems = owned.map((p) => `${p.owner!.name} owns ${p.name}; choose another process owner first.`);
  for (const layer of layers) {
    const onRotation = Array.isArray(layer.members) ? removed.filter((id) => (layer.members as unknown[]).includes(id)) : [];
    for (const id of onRotation) {
      const name = users.find((u) => u.id === id)?.name ?? id;
      problems.push(`${name} is on the ${layer.level === 1 ? "primary" : "secondary"} rotation of ${layer.schedule.name}; take them off the rotation first.`);
    }
  }
  if (problems.length) throw new AppError("invalid_request", problems.join(" "), problems.map((message) => ({ path: ["members"], message })));
}

const nameTaken = (name: string) => new AppError("conflict", `A team named ${name} already exists.`, [{ path: ["name"], message: "is already taken" }]);

/** The new secret: none without a URL, the given one, or (undefined) keep what is stored. */
function nextSecret(input: TTeam): string | null | undefined {
  if (!input.webhookUrl) return null;
  return input.webhookSecret ? input.webhookSecret : undefined;
}

/**
 * Creates a team (or, with `id`, changes one): its name, members and their team roles,
 * and its Slack-compatible webhook. The secret is write-only; the audit row records
 * only whether it was set, kept or removed.
 */
export async function saveTeam(ctx: Ctx, input: TTeam & { id?: string }) {
  authorize(ctx.actor, "teams:manage");
  const webhookUrl = input.webhookUrl || null;
  const secret = nextSecret(input);
  const members: Member[] = input.members.map((m) => ({ userId: m.userId, role: m.role }));
  try {
    return await ctx.db.$transaction(async (tx) => {
      await checkUsers(tx, members);
      // What happened to the secret, never the secret itself.
      const webhookSecret = secret === undefined ? "kept" : secret === null ? "none" : "set";
      const after = { name: input.name, webhookUrl, webhookSecret, members };
      let id: string;
      if (input.id) {
        const before = await tx.team.findUnique({
          where: { id: input.id },
          select: { id: true, name: true, webhookUrl: true, memberships: { select: { userId: true, role: true } } },
        });
        if (!before) throw new AppError("not_found", `No team with id ${input.id}.`);
        const kept = new Set(members.map((m) => m.userId));
        const removed = before.memberships.filter((m) => !kept.has(m.userId)).map((m) => m.userId);
        await checkRemovals(tx, before.id, removed);
        await tx.team.update({ where: { id: before.id }, data: { name: input.name, webhookUrl, webhookSecret: secret } });
        await tx.membership.deleteMany({ where: { teamId: before.id, userId: { in: removed } } });
        for (const m of members) {
          await tx.membership.upsert({
            where: { teamId_userId: { teamId: before.id, userId: m.userId } },
            create: { teamId: before.id, userId: m.userId, role: m.role },
            update: { role: m.role },
          });
        }
        id = before.id;
        await writeAudit(tx, ctx.actor, {
          action: "team.update",
          targetType: "team",
          targetId: id,
          before: { name: before.name, webhookUrl: before.webhookUrl, members: before.memberships },
          after,
        });
      } else {
        id = (await tx.team.create({ data: { name: input.name, webhookUrl, webhookSecret: secret ?? null }, select: { id: true } })).id;
        await tx.membership.createMany({ data: members.map((m) => ({ teamId: id, ...m })) });
        await writeAudit(tx, ctx.actor, { action: "team.create", targetType: "team", targetId: id, after });
      }
      return readTeam(tx, ctx.actor, id);
    });
  } catch (error) {
    throw isUniqueViolation(error) ? nameTaken(input.name) : error;
  }
}
