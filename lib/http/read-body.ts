import { AppError } from "@/lib/errors";

/** Reads a JSON body of at most `maxBytes`, refusing larger ones before reading them whole. */
export async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  const tooLarge = () => new AppError("payload_too_large", `The body must be at most ${maxBytes} bytes.`);
  if (declared > maxBytes) throw tooLarge();
  if (!request.body) throw new AppError("invalid_request", "The request has no body.");

  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("invalid_request", "The body is not valid JSON.");
  }
}
