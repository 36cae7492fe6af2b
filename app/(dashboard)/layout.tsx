import { redirect } from "next/navigation";
import { AppShell } from "@/components/shell/app-shell";
import { sessionActor } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** Signed-in pages. proxy.ts sends signed-out visitors to sign in; a user disabled since lands here. */
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const actor = await sessionActor();
  if (!actor) redirect("/");
  return <AppShell actor={actor}>{children}</AppShell>;
}
