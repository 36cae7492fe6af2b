import { serialized } from "@/lib/serialized";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SloDetailView } from "@/components/slos/slo-detail-view";
import { pageContext } from "@/lib/auth/page";
import { AppError } from "@/lib/errors";
import { getSlo } from "@/lib/server/slos/get-slo";
import { mayEditProcess } from "@/lib/server/slos/may-edit";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: "SLO" };
}

export default async function SloPage({ params }: Props) {
  const { ctx } = await pageContext("processes:read");
  const slo = await getSlo(ctx, { id: (await params).id }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  return <SloDetailView initial={serialized(slo)} canEdit={await mayEditProcess(ctx, slo.process)} />;
}
