import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { CliError } from "./cli-errors";
import { readPassword } from "./read-password";

describe("the password prompt on a terminal", () => {
  /** A stand-in terminal: raw mode is recorded, keys are written by the test. */
  function terminal() {
    const input = Object.assign(new PassThrough(), { isTTY: true, raw: false, setRawMode(mode: boolean) { input.raw = mode; return input; } });
    const output = new PassThrough();
    return { input, read: () => readPassword({ input: input as never, output }) };
  }

  it("reads keys until Enter, with backspace, and leaves raw mode", async () => {
    const t = terminal();
    const password = t.read();
    t.input.write("hunter22x\u007f\r");
    expect(await password).toBe("hunter22");
    expect(t.input.raw).toBe(false);
  });

  it.each([
    ["Ctrl-C", "abc\u0003", "cancelled at the password prompt"],
    ["Ctrl-D", "abc\u0004", "no password: the input ended before Enter"],
    ["the end of input", "abc", "no password: the input ended before Enter"],
  ])("refuses %s with a CliError", async (_label, keys, message) => {
    const t = terminal();
    const password = t.read();
    t.input.end(keys);
    const error = await password.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect(error).toMatchObject({ message });
    expect(t.input.raw).toBe(false);
  });
});
