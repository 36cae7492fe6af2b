import type { Metadata } from "next";
import { Suspense } from "react";
import { CaseListPage } from "@/components/cases/case-list-page";
import { Loading } from "@/components/ui/states";
import { pageContext } from "@/lib/auth/page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Cases" };

export default async function CasesPage() {
  await pageContext("cases:read");
  return (
    <Suspense fallback={<Loading label="Loading cases" />}>
      <CaseListPage />
    </Suspense>
  );
}
