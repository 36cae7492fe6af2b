import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { SloForm } from "@/components/slos/slo-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { pageContext } from "@/lib/auth/page";
import { AppError } from "@/lib/errors";
import { getProcess } from "@/lib/server/processes/get-process";
import { mayEditProcess } from "@/lib/server/slos/may-edit";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New SLO" };

type Props = { params: Promise<{ key: string }> };

export default async function NewSloPage({ params }: Props) {
  const { ctx } = await pageContext("slos:edit");
  const key = (await params).key;
  const process = await getProcess(ctx, { key }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  if (!(await mayEditProcess(ctx, key))) forbidden();
  return (
    <>
      <PageHeader title={`New SLO for ${process.name}`} subtitle="What good looks like for this process, and when to be woken up about it." />
      <Card className="p-5">
        <SloForm process={process.key} versions={process.versions.map((v) => v.version)} />
      </Card>
    </>
  );
}
