import type { ReceiptData, ReceiptDocument } from '../../common/dossier/receipt-data.js';
import { checkReceiptData } from './check-receipt-data.js';
import type { FormLayout, FormSection, FormValue } from './forms/form-layout.js';
import { dossierSetsText, placeAndDate, timeAndDate, workingDaysText } from './form-wording.js';

/**
 * A form with every word decided: the layout's sections with the data worded into them. The PDF
 * and the thermal renderer draw this and nothing else, so the two papers can never say different
 * things. Everything is NFC: text typed on a Mac or by some IMEs arrives decomposed.
 */
export interface FilledForm {
  readonly layout: FormLayout;
  readonly header: {
    /** "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ". */
    readonly authority: string;
    /** "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ TÂN PHÚ". */
    readonly office: string;
    readonly motto: readonly [string, string];
    /** "Số: 000.00.31.H38-261123-0042". */
    readonly number: string;
    /** "Tân Phú, ngày 23 tháng 11 năm 2026". */
    readonly dateLine: string;
  };
  readonly title: string;
  readonly items: readonly FilledItem[];
}

export type FilledItem =
  | { readonly kind: 'paragraph'; readonly text: string; readonly italic: boolean }
  | { readonly kind: 'field'; readonly label: string; readonly value: string }
  | {
      readonly kind: 'documents';
      readonly label: string;
      readonly columns: readonly [string, string, string, string];
      readonly rows: readonly ReceiptDocument[];
    }
  | { readonly kind: 'reasons'; readonly label: string; readonly items: readonly string[] }
  | { readonly kind: 'barcode'; readonly label: string; readonly code: string }
  | {
      readonly kind: 'lookup';
      readonly caption: string;
      readonly url: string;
      readonly secretLabel: string;
      readonly secret: string;
    }
  | { readonly kind: 'signatures'; readonly slots: readonly { title: string; note: string; name: string }[] };

export const NATIONAL_MOTTO = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'] as const;

/** Collapses runs of spaces and line breaks a form field cannot show; keeps the words. */
const nfc = (s: string | null | undefined): string => (s ?? '').normalize('NFC').replace(/\s+/gu, ' ').trim();
const upper = (s: string): string => nfc(s).toLocaleUpperCase('vi');

/** Checks the data (throwing ReceiptDataError), then words it into the layout. */
export function fillForm(layout: FormLayout, data: ReceiptData): FilledForm {
  checkReceiptData(layout, data);
  const officer = nfc(data.officerName);
  const phone = nfc(data.office.phone);
  const fill = (template: string): string =>
    nfc(
      template
        .replaceAll('{office}', nfc(data.office.name))
        .replaceAll('{officer}', officer === '' ? 'cán bộ tiếp nhận' : `cán bộ ${officer}`)
        .replaceAll('{officePhone}', phone === '' ? '' : `, số điện thoại ${phone}`),
    );
  const items = layout.sections.flatMap((s): FilledItem[] => itemOf(s, data, fill));
  return {
    layout,
    header: {
      authority: upper(data.office.parentAuthority),
      office: upper(data.office.name),
      motto: NATIONAL_MOTTO,
      number: `Số: ${nfc(data.number)}`,
      dateLine: placeAndDate(nfc(data.office.place), data.issuedAt ?? data.receivedAt),
    },
    title: upper(layout.title),
    items,
  };
}

function itemOf(s: FormSection, data: ReceiptData, fill: (t: string) => string): FilledItem[] {
  switch (s.kind) {
    case 'paragraph':
      return [{ kind: 'paragraph', text: fill(s.text), italic: s.italic ?? false }];
    case 'field': {
      const value = valueOf(s.value, data);
      if (value === '') return [];
      return [{ kind: 'field', label: fill(s.label), value }];
    }
    case 'documents':
      return [
        {
          kind: 'documents',
          label: fill(s.label),
          columns: s.columns,
          rows: data.documents.map((d) => ({ name: nfc(d.name), originals: d.originals, copies: d.copies })),
        },
      ];
    case 'reasons':
      return [{ kind: 'reasons', label: fill(s.label), items: data.reasons.map(nfc) }];
    case 'barcode':
      return [{ kind: 'barcode', label: fill(s.label), code: data.dossierCode }];
    case 'lookup':
      return [
        {
          kind: 'lookup',
          caption: fill(s.caption),
          url: data.followUrl.trim(),
          secretLabel: fill(s.secretLabel),
          secret: data.secret,
        },
      ];
    case 'signatures':
      return [
        {
          kind: 'signatures',
          slots: s.slots.map((slot) => ({
            title: fill(slot.title),
            note: fill(slot.note),
            name: nfc(slot.name === 'applicant' ? data.applicant.name : data.officerName),
          })),
        },
      ];
  }
}

function valueOf(value: FormValue, data: ReceiptData): string {
  switch (value) {
    case 'applicant.name':
      return nfc(data.applicant.name);
    case 'applicant.idNumber':
      return nfc(data.applicant.idNumber);
    case 'applicant.address':
      return nfc(data.applicant.address);
    case 'applicant.phone':
      return nfc(data.applicant.phone);
    case 'applicant.email':
      return nfc(data.applicant.email);
    case 'procedure': {
      const p = data.procedure;
      const field = nfc(p.fieldName);
      return `${nfc(p.name)} (mã thủ tục ${nfc(p.code)}${field === '' ? '' : `, lĩnh vực ${field}`})`;
    }
    case 'dossierSets':
      return dossierSetsText(data.dossierSets);
    case 'processingDays':
      return workingDaysText(data.processingDays);
    case 'receivedAt':
      return timeAndDate(data.receivedAt);
    case 'appointmentAt':
      return data.appointmentAt === null ? '' : timeAndDate(data.appointmentAt);
    case 'resultPlace':
      return data.resultDelivery === 'buu-chinh'
        ? `Qua dịch vụ bưu chính công ích, gửi đến: ${nfc(data.resultPlace)}`
        : nfc(data.resultPlace);
  }
}
