import { AppError } from "@/lib/errors";

/** Reads a JSON body of at most `maxBytes`, refusing larger ones before reading them whole. */
export async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  const tooLarge = () => new AppError("payload_too_large", `The body must be at most ${maxBytes} bytes.`);
  if (declared > maxBytes) throw tooLarge();
  if (!request.body) throw new AppError("invalid_request", "The request has no body.");
  // With a declared length the HTTP parser stops at it: read in one go.
  const text = Number.isFinite(declared) ? await request.text() : await readLimited(request.body, maxBytes, tooLarge);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("invalid_request", "The body is not valid JSON.");
  }
}

/** Reads a body of unknown length (chunked), refusing it as soon as it passes `maxBytes`. */
async function readLimited(body: ReadableStream<Uint8Array>, maxBytes: number, tooLarge: () => AppError): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
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
  return Buffer.concat(chunks).toString("utf8");
}

/** As readJson, but a request without a body reads as `{}` (actions whose fields are all optional). */
export async function readOptionalJson(request: Request, maxBytes: number): Promise<unknown> {
  if (!request.body || request.headers.get("content-length") === "0") return {};
  return readJson(request, maxBytes);
}
