import type { Metadata } from "next";
import { Suspense } from "react";
import { CaseListPage } from "@/components/cases/case-list-page";
import { Loading } from "@/components/ui/states";
import { pageContext } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Cases" };

export default async function CasesPage() {
  const { actor } = await pageContext("cases:read");
  const viewer = { id: actor.id, canAct: can(actor.role, "cases:act"), canApprove: can(actor.role, "bulk:approve") };
  return (
    <Suspense fallback={<Loading label="Loading cases" />}>
      <CaseListPage viewer={viewer} />
    </Suspense>
  );
}
