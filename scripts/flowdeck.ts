/**
 * Admin CLI (RUNNING.md):
 *   source create <name> --scopes ingest,commands,read
 *   source list
 *   source webhook <name> --url <url> | --off
 *   key revoke <key id>
 *   user create <email> --role <role> [--team <team>]   (password on stdin)
 */
import { parseArgs } from "node:util";
import { connect, type Connection } from "@/lib/db";
import type { Ctx } from "@/lib/server/context";
import { createSource } from "@/lib/server/sources/create-source";
import { listSources } from "@/lib/server/sources/list-sources";
import { revokeKey } from "@/lib/server/sources/revoke-key";
import { setWebhook } from "@/lib/server/sources/set-webhook";
import { createUser } from "@/lib/server/users/create-user";
import { parseScopeList, ZCreateSource, ZWebhookUrl } from "@/lib/validation/source";
import { ZCreateUser } from "@/lib/validation/user";
import { reportFailure } from "./lib/cli-errors";
import { readPassword } from "./lib/read-password";

const USAGE = `Usage: npm run -s flowdeck -- <command>

  source create <name> --scopes ingest,commands,read   create a source; prints its API key on the last line
  source list                                          list sources and their keys
  source webhook <name> --url <https://…> | --off     push commands to a URL (prints the signing secret)
  key revoke <key id>                                  revoke an API key
  user create <email> --role <role> [--team <team>]    create a user; reads the password from stdin
                                                       roles: admin, ops_leader, process_owner, on_call, manager`;

class UsageError extends Error {}

type Command = (ctx: Ctx, args: string[]) => Promise<void>;

const commands: Record<string, Command> = {
  "source create": async (ctx, args) => {
    const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { scopes: { type: "string" } } });
    if (positionals.length !== 1 || !values.scopes) throw new UsageError("source create needs <name> and --scopes");
    const input = ZCreateSource.parse({ name: positionals[0], scopes: parseScopeList(values.scopes) });
    const created = await createSource(ctx, input);
    console.log(`Created source ${created.source.name} (${created.source.id}).`);
    console.log(`API key ${created.keyId} with scopes ${created.scopes.join(",")}; it is shown only now:`);
    console.log(created.apiKey);
  },
  "source list": async (ctx, args) => {
    if (args.length > 0) throw new UsageError("source list takes no arguments");
    const sources = await listSources(ctx);
    if (sources.length === 0) console.log("No sources yet. Create one with: source create <name> --scopes ingest");
    for (const s of sources) {
      console.log(`${s.name}  (${s.id}, created ${s.createdAt.toISOString()})`);
      for (const k of s.apiKeys) {
        const state = k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : "active";
        const used = k.lastUsedAt ? `last used ${k.lastUsedAt.toISOString()}` : "never used";
        console.log(`  key ${k.id}  ${k.scopes.join(",")}  ${state}, ${used}`);
      }
    }
  },
  "source webhook": async (ctx, args) => {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { url: { type: "string" }, off: { type: "boolean" } },
    });
    if (positionals.length !== 1 || Boolean(values.url) === Boolean(values.off)) {
      throw new UsageError("source webhook needs <name> and either --url <url> or --off");
    }
    const url = values.url ? ZWebhookUrl.parse(values.url) : null;
    const result = await setWebhook(ctx, { source: positionals[0]!, url });
    if (!result.url) {
      console.log(`Commands for ${positionals[0]} are no longer pushed; the engine pulls them.`);
      return;
    }
    console.log(`Commands for ${positionals[0]} are POSTed to ${result.url}, signed with X-Flowdeck-Signature.`);
    console.log("Signing secret (shown only now):");
    console.log(result.secret);
  },
  "key revoke": async (ctx, args) => {
    if (args.length !== 1) throw new UsageError("key revoke needs <key id>");
    const revoked = await revokeKey(ctx, { keyId: args[0]! });
    console.log(`Revoked API key ${revoked.keyId} at ${revoked.revokedAt.toISOString()}.`);
  },
  "user create": async (ctx, args) => {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { role: { type: "string" }, team: { type: "string" } },
    });
    if (positionals.length !== 1 || !values.role) throw new UsageError("user create needs <email> and --role");
    const password = await readPassword();
    const input = ZCreateUser.parse({ email: positionals[0], role: values.role, team: values.team, password });
    const { user, team } = await createUser(ctx, input);
    const joined = team ? `, member of ${team.name}${team.created ? " (new team)" : ""}` : "";
    console.log(`Created user ${user.email} (${user.role})${joined}.`);
  },
};

/** A mistake in the command line itself: ours, or node:util parseArgs' (an unknown or malformed option). */
function isUsageError(error: unknown): error is Error {
  return error instanceof UsageError || String((error as { code?: unknown } | null)?.code).startsWith("ERR_PARSE_ARGS");
}

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv.includes("--help") || argv.includes("-h")) {
    console.log(USAGE);
    return argv.length === 0 ? 2 : 0;
  }
  const name = argv.slice(0, 2).join(" ");
  const command = commands[name];
  let conn: Connection | undefined;
  try {
    if (!command) throw new UsageError(`unknown command: ${name}`);
    conn = await connect();
    await command({ actor: { type: "system", name: "cli" }, db: conn.prisma }, argv.slice(2));
    return 0;
  } catch (error) {
    if (isUsageError(error)) {
      console.error(`flowdeck: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    return reportFailure("flowdeck", error);
  } finally {
    await conn?.close();
  }
}

process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => reportFailure("flowdeck", error));
