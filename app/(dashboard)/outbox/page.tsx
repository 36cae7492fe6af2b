import type { Metadata } from "next";
import { Suspense } from "react";
import { OutboxPage } from "@/components/outbox/outbox-page";
import { Loading } from "@/components/ui/states";
import { pageContext } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Outbox" };

export default async function OutboxRoute() {
  const { actor } = await pageContext("cases:read");
  return (
    <Suspense fallback={<Loading label="Loading the outbox" />}>
      <OutboxPage canAct={can(actor.role, "cases:act")} />
    </Suspense>
  );
}
