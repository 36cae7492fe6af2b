import { isValidElement, type ReactElement, type ReactNode } from "react";
import type { Ctx } from "@/lib/server/context";
import { callAs } from "./session";

// What `experimental.authInterrupts` (next.config.ts) sets for the app: forbidden() throws its 403.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";

/** How Next.js answers a server page: rendered, refused (forbidden()/notFound()), or redirected. */
export type PageOutcome = { status: 200; element: ReactNode } | { status: 403 | 404 } | { status: 307; location: string };

async function outcomeOf(render: () => Promise<ReactNode>): Promise<PageOutcome> {
  try {
    return { status: 200, element: await render() };
  } catch (error) {
    const digest = (error as { digest?: unknown } | null)?.digest;
    if (typeof digest !== "string") throw error;
    if (digest === "NEXT_HTTP_ERROR_FALLBACK;403") return { status: 403 };
    if (digest === "NEXT_HTTP_ERROR_FALLBACK;404") return { status: 404 };
    const redirect = digest.match(/^NEXT_REDIRECT;(?:replace|push);(.*);30[78];$/);
    if (redirect) return { status: 307, location: redirect[1]! };
    throw error;
  }
}

/**
 * Renders a server page (the component function, not its HTML) as `ctx`'s signed-in user,
 * or with nobody signed in. Needs the next-auth mock of ./session.ts in the test file.
 */
export async function pageAs(ctx: Ctx | null, render: () => Promise<ReactNode>): Promise<PageOutcome> {
  if (!ctx) return outcomeOf(render);
  let outcome: PageOutcome | undefined;
  await callAs(ctx, async () => {
    outcome = await outcomeOf(render);
    return new Response(null, { status: 204 });
  }, "GET", "/page");
  return outcome!;
}

/** Every element of a rendered tree (components are not called: their children props are walked). */
export function elementsOf(node: ReactNode): ReactElement<Record<string, unknown>>[] {
  if (Array.isArray(node)) return node.flatMap((n: ReactNode) => elementsOf(n));
  if (!isValidElement<Record<string, unknown>>(node)) return [];
  return [node, ...elementsOf(node.props.children as ReactNode)];
}
