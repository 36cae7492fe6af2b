import { serialized } from "@/lib/serialized";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RunbookEditor } from "@/components/runbooks/runbook-editor";
import { PageHeader } from "@/components/ui/page-header";
import { pageContext } from "@/lib/auth/page";
import { isRunbookKind, RUNBOOK_TITLES } from "@/lib/domain/runbook";
import { AppError } from "@/lib/errors";
import { getRunbook } from "@/lib/server/runbooks/get-runbooks";
import { mayEditProcess } from "@/lib/server/slos/may-edit";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ key: string; kind: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { kind } = await params;
  return { title: isRunbookKind(kind) ? `Runbook · ${RUNBOOK_TITLES[kind]}` : "Runbook" };
}

/** Everyone reads a runbook and its history; the owning team (and admins) edit it. */
export default async function RunbookPage({ params }: Props) {
  const { ctx } = await pageContext("processes:read");
  const { key, kind } = await params;
  if (!isRunbookKind(kind)) notFound();
  const [data, canEdit] = await Promise.all([
    getRunbook(ctx, { key, kind }).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "not_found") notFound();
      throw error;
    }),
    mayEditProcess(ctx, key, "runbooks:edit"),
  ]);
  return (
    <>
      <PageHeader
        title={`${canEdit ? "Edit runbook" : "Runbook"}: ${data.runbook.title}`}
        subtitle={
          <>
            <Link href={`/processes/${data.process.key}`} className="font-medium hover:underline">
              {data.process.name}
            </Link>{" "}
            ·{" "}
            <Link href={`/processes/${data.process.key}/runbooks`} className="hover:underline">
              all runbooks
            </Link>
          </>
        }
      />
      <RunbookEditor processKey={data.process.key} kind={kind} initial={serialized(data)} canEdit={canEdit} />
    </>
  );
}
