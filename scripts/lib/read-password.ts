import { createInterface } from "node:readline";
import { CliError } from "./cli-errors";

type Input = Pick<NodeJS.ReadStream, "isTTY" | "setRawMode"> & NodeJS.ReadableStream;

/**
 * Reads a password: the first line of stdin when piped, or a prompt without echo on a
 * terminal. Ctrl-C, Ctrl-D and input that ends before a password throw a CliError.
 */
export async function readPassword(
  { prompt = "Password: ", input = process.stdin as Input, output = process.stderr as NodeJS.WritableStream } = {},
): Promise<string> {
  if (!input.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of input) chunks.push(Buffer.from(chunk));
    if (chunks.length === 0) throw new CliError("no password: stdin was empty (pipe the password in, one line)");
    return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
  }
  output.write(prompt);
  input.setRawMode(true);
  const rl = createInterface({ input, terminal: false });
  try {
    let password = "";
    for await (const key of keys(input)) {
      if (key === "\r" || key === "\n") return password;
      if (key === "\u0003") throw new CliError("cancelled at the password prompt");
      if (key === "\u0004") break; // Ctrl-D: end of input
      password = key === "\u007f" ? password.slice(0, -1) : password + key;
    }
    throw new CliError("no password: the input ended before Enter");
  } finally {
    input.setRawMode(false);
    rl.close();
    output.write("\n");
  }
}

async function* keys(stream: NodeJS.ReadableStream): AsyncGenerator<string> {
  for await (const chunk of stream) yield* String(chunk);
}
