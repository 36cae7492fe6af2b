"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { HealthBadge } from "@/components/slos/health-badge";
import { describeSlo } from "@/components/slos/labels";
import { SloCharts } from "@/components/slos/slo-charts";
import type { SloDetail } from "@/components/slos/types";
import { useSlo } from "@/components/slos/use-slo";

/** The burning SLO's charts; a click on a point opens the SLO page, where its bad cases are. */
export function IncidentSloBurn({ initial }: { initial: SloDetail }) {
  const router = useRouter();
  const { data: slo } = useSlo(initial.id, initial);
  return (
    <section aria-labelledby="incident-slo" className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="incident-slo" className="flex items-center gap-2 text-base font-semibold text-slate-900">
          SLO burn: {slo.name} <HealthBadge health={slo.status?.health ?? null} />
        </h2>
        <p className="text-sm text-slate-600">
          {describeSlo(slo)} ·{" "}
          <Link href={`/slos/${slo.id}`} className="font-medium text-slate-800 underline underline-offset-2">
            Open the SLO
          </Link>
        </p>
      </div>
      <SloCharts slo={slo} onSelect={() => router.push(`/slos/${slo.id}`)} />
    </section>
  );
}
