import type { DossierRecord } from '../../common/dossier/dossier-record.js';
import type { ReceiptData, ReceiptFormId } from '../../common/dossier/receipt-data.js';
import { vnDate } from '../../common/time/vn-time.js';
import type { SiteConfig } from '../config/site-config-schema.js';
import { placeFromOfficeName } from './form-wording.js';
import type { FormLayout } from './forms/form-layout.js';
import { formOn } from './forms/form-catalogue.js';
import { receiptDataFromRecord } from './receipt-from-record.js';

/**
 * A dossier's form as this office issues it, the same for the PDF and the thermal roll: the office's
 * headers, the QR to the dossier's phone page, the reasons (forms 02/03, one per line) and the form
 * layout in force on the day it is issued (the day received for the receipt, today for 02/03).
 */
export function siteForm(
  record: DossierRecord,
  formId: ReceiptFormId,
  ctx: { site: SiteConfig; publicUrl: string; reasons: string | undefined; now: number },
): { layout: FormLayout; data: ReceiptData } {
  const office = ctx.site.office;
  const issuedAt = formId === '01' ? undefined : ctx.now;
  const data = receiptDataFromRecord(record, formId, {
    office: {
      parentAuthority: office.parentAuthority,
      name: office.name,
      address: office.address ?? null,
      phone: office.phone ?? null,
      place: placeFromOfficeName(office.name),
    },
    followUrl: `${ctx.publicUrl}/h/${encodeURIComponent(record.code)}`,
    resultPlace: `Bộ phận Một cửa – ${office.name}`,
    reasons: (ctx.reasons ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
    ...(issuedAt === undefined ? {} : { issuedAt }),
  });
  return { layout: formOn(formId, vnDate(issuedAt ?? record.receivedAt)), data };
}
