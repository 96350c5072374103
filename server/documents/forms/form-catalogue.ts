import type { ReceiptFormId } from '../../../common/dossier/receipt-data.js';
import type { FormLayout } from './form-layout.js';
import { MAU_01_VERSIONS } from './mau-01-tiep-nhan.js';
import { MAU_02_VERSIONS } from './mau-02-bo-sung.js';
import { MAU_03_VERSIONS } from './mau-03-tu-choi.js';

/** Every version of every form the hall prints. */
export const FORM_LAYOUTS: readonly FormLayout[] = [...MAU_01_VERSIONS, ...MAU_02_VERSIONS, ...MAU_03_VERSIONS];

const FORM_IDS: readonly string[] = ['01', '02', '03'];

export class FormNotFoundError extends Error {
  override name = 'FormNotFoundError';
}

/**
 * The layout of form `formId` in force on `day` ("YYYY-MM-DD", the day the form is made): the
 * version with the latest effectiveFrom not after that day. A dossier received before a new
 * circular keeps the forms of its day, so pass the day the paper is dated, not today.
 */
export function formOn(formId: ReceiptFormId, day: string, layouts: readonly FormLayout[] = FORM_LAYOUTS): FormLayout {
  if (!FORM_IDS.includes(formId)) throw new FormNotFoundError(`Unknown form id ${JSON.stringify(formId)}: expected 01, 02 or 03`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new FormNotFoundError(`Not a day: ${JSON.stringify(day)} (expected YYYY-MM-DD)`);
  let best: FormLayout | undefined;
  for (const l of layouts) {
    if (l.id === formId && l.effectiveFrom <= day && (best === undefined || l.effectiveFrom > best.effectiveFrom)) best = l;
  }
  if (best === undefined) throw new FormNotFoundError(`No version of form ${formId} was in force on ${day}`);
  return best;
}
