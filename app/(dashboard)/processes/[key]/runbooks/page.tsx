import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RunbookView } from "@/components/runbooks/runbook-view";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { pageContext } from "@/lib/auth/page";
import { parseRunbook } from "@/lib/domain/runbook";
import { AppError } from "@/lib/errors";
import { formatInstant } from "@/lib/format";
import { getRunbooks } from "@/lib/server/runbooks/get-runbooks";
import { mayEditProcess } from "@/lib/server/slos/may-edit";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ key: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Runbooks · ${(await params).key}` };
}

export default async function RunbooksPage({ params }: Props) {
  const { ctx } = await pageContext("processes:read");
  const key = (await params).key;
  const [{ process, runbooks }, canEdit] = await Promise.all([
    getRunbooks(ctx, { key }).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "not_found") notFound();
      throw error;
    }),
    mayEditProcess(ctx, key, "runbooks:edit"),
  ]);
  return (
    <>
      <PageHeader
        title="Runbooks"
        subtitle={
          <>
            <Link href={`/processes/${process.key}`} className="font-medium hover:underline">
              {process.name}
            </Link>{" "}
            · what to do when an incident hits this process; marked steps become one-click actions on the incident.
          </>
        }
      />
      <div className="grid gap-4">
        {runbooks.map((runbook) => (
          <Card
            key={runbook.kind}
            title={
              <span className="flex flex-wrap items-baseline gap-x-2">
                {runbook.title}
                <span className="text-xs font-normal text-slate-600">
                  {runbook.isDefault
                    ? "built-in, not changed yet"
                    : `v${runbook.version} · ${runbook.authorLabel} · ${formatInstant(runbook.createdAt!)} UTC`}
                </span>
              </span>
            }
            actions={
              <Link
                href={`/processes/${process.key}/runbooks/${runbook.kind}`}
                aria-label={`${canEdit ? "Edit" : "History of"} ${runbook.title}`}
                className={
                  canEdit
                    ? "rounded-md bg-slate-900 px-2.5 py-1 text-xs font-medium text-white hover:bg-slate-700"
                    : "rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium hover:bg-slate-50"
                }
              >
                {canEdit ? "Edit" : "History"}
              </Link>
            }
          >
            <div className="p-4">
              <RunbookView sections={parseRunbook(runbook.body)} layout="grid" />
            </div>
          </Card>
        ))}
      </div>
    </>
  );
}
