import { parseDossierCode } from '../../common/dossier/dossier-code.js';
import type { ReceiptData } from '../../common/dossier/receipt-data.js';
import type { FormLayout } from './forms/form-layout.js';

/**
 * A form with a wrong or missing fact is worse than no form: the citizen keeps it as proof. So a
 * renderer refuses bad data before drawing anything, naming every problem (in English, for logs
 * and API errors) rather than the first one.
 */
export class ReceiptDataError extends Error {
  override name = 'ReceiptDataError';
  constructor(readonly problems: readonly string[]) {
    super(`Cannot print the form: ${problems.join('; ')}`);
  }
}

/** Any one text: at most about half an A5 page, so a block never outgrows a page. */
const MAX_TEXT = 2000;
/** A line no printer or page can hold sensibly; far above any real procedure's document list. */
const MAX_DOCUMENTS = 200;

export function checkReceiptData(form: FormLayout, data: ReceiptData): void {
  const problems: string[] = [];
  const text = (value: unknown, path: string, required = true): void => {
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      if (required) problems.push(`${path} is required`);
      return;
    }
    if (typeof value !== 'string') problems.push(`${path} must be text`);
    else if (value.length > MAX_TEXT) problems.push(`${path} is longer than ${MAX_TEXT} characters`);
  };
  const count = (value: unknown, path: string, min: number): void => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min)
      problems.push(`${path} must be a whole number >= ${min}, got ${String(value)}`);
  };
  const instant = (value: unknown, path: string): boolean => {
    const ok = typeof value === 'number' && Number.isFinite(value) && value > 0;
    if (!ok) problems.push(`${path} must be a time in epoch milliseconds, got ${String(value)}`);
    return ok;
  };

  if (data.form !== form.id) problems.push(`data is for form ${String(data.form)} but the layout is form ${form.id}`);
  text(data.office?.parentAuthority, 'office.parentAuthority');
  text(data.office?.name, 'office.name');
  text(data.office?.place, 'office.place');
  text(data.number, 'number');
  // One line of the header, beside the date: a serial or a code, not a sentence.
  if (typeof data.number === 'string' && data.number.length > 60) problems.push('number is longer than 60 characters');
  const code = typeof data.dossierCode === 'string' ? parseDossierCode(data.dossierCode) : null;
  if (code === null || !code.ok || code.value.code !== data.dossierCode)
    problems.push(`dossierCode ${JSON.stringify(data.dossierCode)} is not a dossier code (like 000.00.31.H38-261123-0001)`);
  const received = instant(data.receivedAt, 'receivedAt');
  if (data.issuedAt !== undefined) instant(data.issuedAt, 'issuedAt');
  const needsAppointment = form.sections.some((s) => s.kind === 'field' && s.value === 'appointmentAt');
  if (needsAppointment || data.appointmentAt !== null) {
    if (instant(data.appointmentAt, 'appointmentAt') && received && (data.appointmentAt as number) < data.receivedAt)
      problems.push('appointmentAt is before receivedAt');
  }
  text(data.applicant?.name, 'applicant.name');
  text(data.applicant?.idNumber, 'applicant.idNumber');
  text(data.applicant?.address, 'applicant.address', false);
  text(data.applicant?.phone, 'applicant.phone', false);
  text(data.applicant?.email, 'applicant.email', false);
  text(data.procedure?.code, 'procedure.code');
  text(data.procedure?.name, 'procedure.name');
  text(data.procedure?.fieldName, 'procedure.fieldName', false);
  if (!Array.isArray(data.documents)) problems.push('documents must be a list');
  else {
    if (data.documents.length > MAX_DOCUMENTS)
      problems.push(`documents has ${data.documents.length} rows, at most ${MAX_DOCUMENTS}`);
    if (data.documents.length === 0 && form.sections.some((s) => s.kind === 'documents'))
      problems.push('documents is empty: the receipt must list what was handed in');
    data.documents.forEach((d, i) => {
      text(d?.name, `documents[${i}].name`);
      count(d?.originals, `documents[${i}].originals`, 0);
      count(d?.copies, `documents[${i}].copies`, 0);
    });
  }
  count(data.dossierSets, 'dossierSets', 1);
  if (typeof data.processingDays !== 'number' || !Number.isFinite(data.processingDays) || data.processingDays < 0)
    problems.push(`processingDays must be a number of working days >= 0, got ${String(data.processingDays)}`);
  if (data.resultDelivery !== 'tai-bo-phan' && data.resultDelivery !== 'buu-chinh')
    problems.push(`resultDelivery must be tai-bo-phan or buu-chinh, got ${JSON.stringify(data.resultDelivery)}`);
  text(data.resultPlace, 'resultPlace');
  text(data.officerName, 'officerName', false);
  if (!Array.isArray(data.reasons)) problems.push('reasons must be a list');
  else {
    if (data.reasons.length === 0 && form.sections.some((s) => s.kind === 'reasons'))
      problems.push(`reasons is empty: form ${form.id} must say ${form.id === '02' ? 'what to add' : 'why'}`);
    data.reasons.forEach((r, i) => text(r, `reasons[${i}]`));
  }
  if (!isWebUrl(data.followUrl)) problems.push(`followUrl ${JSON.stringify(data.followUrl)} is not an http(s) URL`);
  text(data.secret, 'secret');
  if (typeof data.secret === 'string' && !/^[0-9A-Za-z]{4,12}$/.test(data.secret))
    problems.push('secret must be 4-12 letters or digits, as the kiosk keypad types them');
  if (problems.length > 0) throw new ReceiptDataError(problems);
}

function isWebUrl(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 500) return false;
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}
