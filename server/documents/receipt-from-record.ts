import type { DossierRecord } from '../../common/dossier/dossier-record.js';
import type { ReceiptData, ReceiptFormId, ReceiptOffice } from '../../common/dossier/receipt-data.js';

/** What the hub knows beyond the record: the office as configured and where to send the citizen. */
export interface ReceiptContext {
  readonly office: ReceiptOffice;
  /** Where the QR leads: the hub's public dossier page for this code. */
  readonly followUrl: string;
  /** The counter or desk that hands results over ("Quầy 6 – Nhận kết quả, …"); by post, the record's address is used. */
  readonly resultPlace: string;
  /** Mẫu 02: what to add; mẫu 03: why refused. */
  readonly reasons?: readonly string[];
  /** "Số:" of forms 02 and 03 when the office numbers them; the dossier code otherwise. */
  readonly number?: string;
  /** When a form 02 or 03 is made after the day of receipt. */
  readonly issuedAt?: number;
}

/** A received dossier as the data of one of its forms. Mẫu 02 and 03 promise no result date. */
export function receiptDataFromRecord(record: DossierRecord, form: ReceiptFormId, ctx: ReceiptContext): ReceiptData {
  const byPost = record.resultDelivery === 'buu-chinh';
  return {
    form,
    office: ctx.office,
    number: ctx.number ?? record.code,
    dossierCode: record.code,
    receivedAt: record.receivedAt,
    appointmentAt: form === '01' ? record.appointmentAt : null,
    ...(ctx.issuedAt === undefined ? {} : { issuedAt: ctx.issuedAt }),
    applicant: record.applicant,
    procedure: record.procedure,
    documents: record.documents,
    dossierSets: record.dossierSets,
    processingDays: record.workingDays,
    resultDelivery: record.resultDelivery,
    resultPlace: byPost && record.applicant.address !== null ? record.applicant.address : ctx.resultPlace,
    officerName: record.officerName,
    reasons: ctx.reasons ?? [],
    followUrl: ctx.followUrl,
    secret: record.secret,
  };
}
