import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { SloForm } from "@/components/slos/slo-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { pageContext } from "@/lib/auth/page";
import { AppError } from "@/lib/errors";
import { getProcess } from "@/lib/server/processes/get-process";
import { getSlo } from "@/lib/server/slos/get-slo";
import { mayEditProcess } from "@/lib/server/slos/may-edit";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit SLO" };

type Props = { params: Promise<{ id: string }> };

export default async function EditSloPage({ params }: Props) {
  const { ctx } = await pageContext("slos:edit");
  const slo = await getSlo(ctx, { id: (await params).id }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  if (!(await mayEditProcess(ctx, slo.process))) forbidden();
  const process = await getProcess(ctx, { key: slo.process });
  return (
    <>
      <PageHeader title={`Edit ${slo.name}`} subtitle={process.name} />
      <Card className="p-5">
        <SloForm
          process={slo.process}
          versions={process.versions.map((v) => v.version)}
          sloId={slo.id}
          initial={{
            name: slo.name,
            process: slo.process,
            version: slo.version ?? "",
            sli: slo.sli,
            targetSec: slo.targetSec ?? undefined,
            objective: slo.objective,
            windowDays: slo.windowDays as 7 | 28 | 30,
            tiers: slo.tiers,
            minBadEvents: slo.minBadEvents,
          }}
        />
      </Card>
    </>
  );
}
