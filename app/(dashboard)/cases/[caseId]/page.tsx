import { serialized } from "@/lib/serialized";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CaseDetailView } from "@/components/cases/case-detail-view";
import { pageContext } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { getCase } from "@/lib/server/cases/get-case";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ caseId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Case ${decodeURIComponent((await params).caseId)}` };
}

export default async function CasePage({ params }: Props) {
  const { actor, ctx } = await pageContext("cases:read");
  const caseId = decodeURIComponent((await params).caseId);
  const detail = await getCase(ctx, { caseId }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  // The same JSON the API returns, so the page and its live refresh agree.
  return <CaseDetailView initial={serialized(detail)} canAct={can(actor.role, "cases:act")} />;
}
