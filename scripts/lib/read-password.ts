import { createInterface } from "node:readline";

/** Reads a password: the first line of stdin when piped, or a prompt without echo on a terminal. */
export async function readPassword(prompt = "Password: "): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
  }
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  const rl = createInterface({ input: stdin, terminal: false });
  try {
    let password = "";
    for await (const key of keys(stdin)) {
      if (key === "\r" || key === "\n") break;
      if (key === "\u0003") throw new Error("cancelled");
      password = key === "\u007f" ? password.slice(0, -1) : password + key;
    }
    return password;
  } finally {
    stdin.setRawMode(false);
    rl.close();
    process.stderr.write("\n");
  }
}

async function* keys(stream: NodeJS.ReadStream): AsyncGenerator<string> {
  for await (const chunk of stream) yield* String(chunk);
}
