import type { Procedure, ProcedureChannel } from '../../../common/catalogue/procedure-schema.js';

/** One line of the documents checklist: a document the citizen hands in, or a heading between them. */
export type ChecklistRow =
  | { readonly kind: 'heading'; readonly key: string; readonly text: string }
  | {
      readonly kind: 'document';
      readonly key: string;
      readonly name: string;
      /** As typed in the count fields: kept as text so a half-typed number is not lost. */
      readonly originals: string;
      readonly copies: string;
      /** Ticked: the officer has the document in hand. */
      readonly ticked: boolean;
      /** Typed by the officer (not in the catalogue): may be removed again. */
      readonly extra: boolean;
    };

export type DocumentRow = Extract<ChecklistRow, { kind: 'document' }>;

/** The command takes document names up to this length (common/contract/commands.ts). */
export const MAX_DOCUMENT_NAME = 500;
/** And at most this many documents. */
export const MAX_DOCUMENTS = 40;
/** Per document, bản chính and bản sao. */
export const MAX_COUNT = 20;

const NOT_SUBMITTED: readonly string[] = ['xuat-trinh', 'luu-y'];

/**
 * The checklist for a procedure, from its Thành phần hồ sơ: the "phải nộp" group, and the case
 * groups ("Trường hợp 1", "a) Đối với …") some records use instead, each under its own heading.
 * Documents shown only (xuất trình) and notes (lưu ý) are not handed in, so not ticked. A line with
 * no copy that ends in a colon ("… các giấy tờ sau:") introduces the lines after it: a heading.
 * Nothing is ticked at first: the officer ticks what the citizen actually hands over.
 */
export function checklistFrom(procedure: Procedure): ChecklistRow[] {
  const rows: ChecklistRow[] = [];
  procedure.documents.forEach((group, g) => {
    if (NOT_SUBMITTED.includes(group.group)) return;
    if (group.group !== 'nop') rows.push({ kind: 'heading', key: `g${g}`, text: tidy(group.group) });
    group.items.forEach((item, i) => {
      const key = `g${g}-${i}`;
      const originals = item.originals ?? 0;
      const copies = item.copies ?? 0;
      const name = tidy(item.name);
      if (!name) return;
      if (originals + copies === 0 && name.endsWith(':')) rows.push({ kind: 'heading', key, text: name });
      else
        rows.push({
          kind: 'document',
          key,
          name,
          originals: String(originals),
          copies: String(copies),
          ticked: false,
          extra: false,
        });
    });
  });
  return rows;
}

/** What the citizen shows but does not hand in (xuất trình): a reminder for the officer to check. */
export function presentedFrom(procedure: Procedure): string[] {
  return procedure.documents
    .filter((g) => g.group === 'xuat-trinh')
    .flatMap((g) => g.items.map((i) => tidy(i.name)))
    .filter(Boolean);
}

/**
 * The time allowed as the hub will count it (server/services/dossier-enrich.ts procedureFacts):
 * "N ngày làm việc" for direct submission, else of any channel; null when the catalogue gives it
 * only in calendar days or in words, and the officer has to say.
 */
export function catalogueWorkingDays(procedure: Procedure): { days: number; channel: ProcedureChannel } | null {
  const direct = procedure.channels.find((c) => c.channel === 'truc-tiep' && c.workingDays !== null);
  const any = direct ?? procedure.channels.find((c) => c.workingDays !== null);
  return any && any.workingDays !== null ? { days: any.workingDays, channel: any } : null;
}

/** The catalogue's own words for the time allowed at the counter, to show beside the number. */
export function processingTimeText(procedure: Procedure): string | null {
  const direct = procedure.channels.find((c) => c.channel === 'truc-tiep' && c.processingTime);
  return (direct ?? procedure.channels.find((c) => c.processingTime))?.processingTime ?? null;
}

/** A document's name as the command and the receipt take it: one line, cut at a word with "…". */
export function documentNameForCommand(name: string): string {
  const one = tidy(name);
  if (one.length <= MAX_DOCUMENT_NAME) return one;
  const cut = one.slice(0, MAX_DOCUMENT_NAME - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_DOCUMENT_NAME * 0.8 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A count field's text as a number of copies, or null when it is not a whole number 0–20. */
export function countOf(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,2}$/.test(t)) return null;
  const n = Number(t);
  return n <= MAX_COUNT ? n : null;
}

export function documentRows(rows: readonly ChecklistRow[]): DocumentRow[] {
  return rows.filter((r): r is DocumentRow => r.kind === 'document');
}

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
