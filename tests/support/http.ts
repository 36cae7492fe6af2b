type Params = Record<string, string>;
type RouteHandler<P extends Params> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

export type CallOptions<P extends Params> = {
  token?: string;
  body?: unknown;
  rawBody?: string;
  params?: P;
  headers?: Record<string, string>;
};

/** Calls a route handler the way Next.js does, with a real Request. */
export async function call<P extends Params>(
  handler: RouteHandler<P>,
  method: string,
  url: string,
  options: CallOptions<P> = {},
) {
  const headers = new Headers(options.headers);
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers.set("content-type", "application/json");
  }
  const request = new Request(new URL(url, "http://flowdeck.test"), { method, headers, body });
  const response = await handler(request, { params: Promise.resolve((options.params ?? {}) as P) });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}
