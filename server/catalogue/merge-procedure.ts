import type { Procedure } from '../../common/catalogue/procedure-schema.js';
import { cleanText, foldVietnamese } from '../../common/text/fold.js';
import type { CatalogueRow } from './catalogue-csv.js';
import type { ParsedRecord } from './parse-record.js';

/** "Cấp xã" as a whole phrase of folded text: "cấp xác nhận" is not the commune level. */
const COMMUNE = /\bcap xa\b/;

export const mentionsCommuneLevel = (text: string | null | undefined): boolean => !!text && COMMUNE.test(foldVietnamese(text));

/**
 * Names as the portal lists them, minus the list numbering some were exported with
 * (". Cấp giấy phép …", "1. Thủ tục …"). All-caps names are left as written: lower-casing
 * Vietnamese proper names and abbreviations (UBND, HTX) safely needs more than a rule.
 */
export function cleanProcedureName(name: string): string {
  return cleanText(name).replace(/^(?:\d{1,2}\s*)?\.\s+/, '');
}

/**
 * One procedure from its catalogue row and its record, either of which may be missing. The row
 * wins for the name (record titles are often cut short), agencies and URL; the record gives
 * everything else.
 */
export function mergeProcedure(code: string, row: CatalogueRow | null, rec: ParsedRecord | null): Procedure {
  const levels = rec?.general.levels ?? [];
  const communeLevel =
    levels.some((l) => mentionsCommuneLevel(l)) ||
    mentionsCommuneLevel(row?.implementingAgency) ||
    // The fallback records have no "Cấp thực hiện", but name the agency in their own section.
    (levels.length === 0 && mentionsCommuneLevel(rec?.agency));
  return {
    code,
    name: cleanProcedureName(row?.name ?? rec?.title ?? code),
    field: row?.field ?? rec?.general.field ?? null,
    issuingAgency: row?.issuingAgency ?? null,
    implementingAgency: row?.implementingAgency ?? (rec?.agency ? cleanText(rec.agency) : null),
    competentAgency: rec?.general.competentAgency ?? null,
    submissionAddress: rec?.general.submissionAddress ?? null,
    levels,
    procedureType: rec?.general.procedureType ?? null,
    subjects: rec?.general.subjects ?? [],
    decisionNumber: rec?.general.decisionNumber ?? null,
    channels: rec?.channels ?? [],
    documents: rec?.documents ?? [],
    steps: rec?.steps ?? [],
    conditions: rec?.conditions ?? null,
    legalBasis: rec?.legalBasis ?? [],
    result: rec?.result ?? null,
    description: rec?.description ?? null,
    portalUrl: row?.url ?? null,
    keywords: rec?.keywords ?? [],
    hasFullRecord: rec !== null,
    communeLevel,
  };
}
