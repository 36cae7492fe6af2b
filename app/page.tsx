import { SignInPage } from "@/components/auth/sign-in-page";
import { Overview } from "@/components/overview/overview";
import { AppShell } from "@/components/shell/app-shell";
import { forbidden } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { sessionActor } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** Signed out: the sign-in form. Signed in: the overview (today every role may see it). */
export default async function HomePage() {
  const actor = await sessionActor();
  if (!actor) return <SignInPage />;
  if (!can(actor.role, "overview:read")) forbidden();
  return (
    <AppShell actor={actor}>
      <Overview />
    </AppShell>
  );
}
