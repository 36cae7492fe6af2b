import type { Serialized } from "@/lib/serialized";
import type { caseFacets } from "@/lib/server/cases/case-facets";
import type { CaseView } from "@/lib/server/cases/case-view";
import type { getCase } from "@/lib/server/cases/get-case";

export type CaseRow = Serialized<CaseView>;
export type CaseFacets = Serialized<Awaited<ReturnType<typeof caseFacets>>>;
export type CaseDetail = Serialized<Awaited<ReturnType<typeof getCase>>>;
